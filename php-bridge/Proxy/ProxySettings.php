<?php
/**
 * Where the LLM proxy is and how to authenticate to it: wp-config constants win (MPCC_PROXY_URL,
 * MPCC_PROXY_TOKEN), then the plugin's settings, then the local default. On multisite with the token
 * in wp-config.php, a site's own URL setting is not used (see url_is_network_level).
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Proxy;

defined( 'ABSPATH' ) || exit;

final class ProxySettings {

	public const OPTION      = 'mpcc_settings';
	public const DEFAULT_URL = 'http://127.0.0.1:8787';

	public static function url(): string {
		$settings = get_option( self::OPTION, array() );
		return self::url_from(
			defined( 'MPCC_PROXY_URL' ) ? (string) MPCC_PROXY_URL : '',
			self::url_is_network_level(),
			is_array( $settings ) ? $settings : array()
		);
	}

	/**
	 * On a network whose token comes from wp-config.php, every site sends that one token: a site's
	 * own URL setting would let any site admin send it to a server of theirs. Then the URL is
	 * network-level too: MPCC_PROXY_URL, else the default.
	 */
	public static function url_is_network_level(): bool {
		return is_multisite() && defined( 'MPCC_PROXY_TOKEN' );
	}

	/**
	 * The rule behind url(), apart from where its inputs come from.
	 *
	 * @param string               $constant      MPCC_PROXY_URL ('' when not defined)
	 * @param bool                 $network_level url_is_network_level()
	 * @param array<string, mixed> $settings      this site's mpcc_settings
	 */
	public static function url_from( string $constant, bool $network_level, array $settings ): string {
		if ( '' !== $constant ) {
			return untrailingslashit( $constant );
		}
		if ( $network_level || empty( $settings['proxy_url'] ) ) {
			return self::DEFAULT_URL;
		}
		return untrailingslashit( (string) $settings['proxy_url'] );
	}

	public static function token(): string {
		if ( defined( 'MPCC_PROXY_TOKEN' ) ) {
			return (string) MPCC_PROXY_TOKEN;
		}
		$settings = get_option( self::OPTION, array() );
		return is_array( $settings ) && isset( $settings['proxy_token'] ) ? (string) $settings['proxy_token'] : '';
	}
}
