<?php
/**
 * The plugin's one option, `mpcc_settings` (the name ProxySettings and uninstall use): proxy URL,
 * proxy token and a daily request quota per role. Sanitizing lives here so the page and the tests
 * share it. The token is write-only: an empty submission keeps the stored one.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Settings;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Proxy\ProxySettings;

final class SettingsStore {

	/** @return array{proxy_url: string, proxy_token: string, quotas: array<string, int>} */
	public static function get(): array {
		$stored = get_option( ProxySettings::OPTION, array() );
		$stored = is_array( $stored ) ? $stored : array();
		$quotas = isset( $stored['quotas'] ) && is_array( $stored['quotas'] ) ? array_map( 'intval', $stored['quotas'] ) : array();
		return array(
			'proxy_url'   => isset( $stored['proxy_url'] ) ? (string) $stored['proxy_url'] : '',
			'proxy_token' => isset( $stored['proxy_token'] ) ? (string) $stored['proxy_token'] : '',
			'quotas'      => $quotas,
		);
	}

	/**
	 * The option's sanitize callback.
	 *
	 * @param mixed $input what the form sent
	 * @return array{proxy_url: string, proxy_token: string, quotas: array<string, int>}
	 */
	public static function sanitize( mixed $input ): array {
		$current = self::get();
		$input   = is_array( $input ) ? $input : array();
		// A network-level URL (see ProxySettings::url_is_network_level) is not a site's to change.
		$url     = isset( $input['proxy_url'] ) && ! ProxySettings::url_is_network_level() ? esc_url_raw( trim( (string) $input['proxy_url'] ), array( 'http', 'https' ) ) : $current['proxy_url'];
		$token   = $current['proxy_token'];
		if ( ! empty( $input['clear_token'] ) ) {
			$token = '';
		} elseif ( isset( $input['proxy_token'] ) && '' !== trim( (string) $input['proxy_token'] ) ) {
			$token = sanitize_text_field( (string) $input['proxy_token'] );
		}
		$quotas = array();
		$roles  = array_keys( wp_roles()->roles );
		foreach ( (array) ( $input['quotas'] ?? $current['quotas'] ) as $role => $limit ) {
			if ( in_array( $role, $roles, true ) && '' !== (string) $limit ) {
				$quotas[ (string) $role ] = max( 0, (int) $limit );
			}
		}
		return array( 'proxy_url' => untrailingslashit( $url ), 'proxy_token' => $token, 'quotas' => $quotas );
	}

	/** The quota for a role: 0 means no limit. */
	public static function quota( string $role ): int {
		return self::get()['quotas'][ $role ] ?? 0;
	}
}
