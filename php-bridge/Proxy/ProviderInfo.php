<?php
/**
 * Which model answers, for the UI's labels ("Demo model — not a real AI"): asked of the proxy's
 * /healthz and kept for five minutes so page loads do not wait on it. Every reply says whether the
 * demo wrote it (`demo`); when that disagrees with what is kept, the kept answer is dropped, so the
 * next page asks again instead of showing the old label for up to five minutes.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Proxy;

defined( 'ABSPATH' ) || exit;

final class ProviderInfo {

	public const TRANSIENT = 'mpcc_provider_info';

	/** A reply came back saying whether the demo wrote it. */
	public static function observe_reply( bool $demo ): void {
		$cached = get_transient( self::TRANSIENT );
		if ( is_array( $cached ) && (bool) ( $cached['demo'] ?? false ) !== $demo ) {
			delete_transient( self::TRANSIENT );
		}
	}

	/** @return array{name: string, model: string, demo: bool, reachable: bool} */
	public static function current(): array {
		$cached = get_transient( self::TRANSIENT );
		if ( is_array( $cached ) ) {
			return $cached;
		}
		$info     = array( 'name' => 'unknown', 'model' => '', 'demo' => false, 'reachable' => false );
		$response = wp_remote_get( ProxySettings::url() . '/healthz', array( 'timeout' => 2 ) );
		if ( ! is_wp_error( $response ) && 200 === wp_remote_retrieve_response_code( $response ) ) {
			$body = json_decode( wp_remote_retrieve_body( $response ), true );
			if ( is_array( $body ) ) {
				$info = array(
					'name'      => sanitize_key( (string) ( $body['provider'] ?? 'unknown' ) ),
					'model'     => sanitize_text_field( (string) ( $body['model'] ?? '' ) ),
					'demo'      => (bool) ( $body['demo'] ?? false ),
					'reachable' => true,
				);
			}
		}
		// An unreachable proxy is re-asked sooner, so starting it later shows up quickly.
		set_transient( self::TRANSIENT, $info, $info['reachable'] ? 5 * MINUTE_IN_SECONDS : 15 );
		return $info;
	}
}
