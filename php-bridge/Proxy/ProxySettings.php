<?php
/**
 * Where the LLM proxy is and how to authenticate to it: wp-config constants win (MPCC_PROXY_URL,
 * MPCC_PROXY_TOKEN), then the plugin's settings, then the local default.
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
		if ( defined( 'MPCC_PROXY_URL' ) && '' !== (string) MPCC_PROXY_URL ) {
			return untrailingslashit( (string) MPCC_PROXY_URL );
		}
		$settings = get_option( self::OPTION, array() );
		$url      = is_array( $settings ) && ! empty( $settings['proxy_url'] ) ? (string) $settings['proxy_url'] : self::DEFAULT_URL;
		return untrailingslashit( $url );
	}

	public static function token(): string {
		if ( defined( 'MPCC_PROXY_TOKEN' ) ) {
			return (string) MPCC_PROXY_TOKEN;
		}
		$settings = get_option( self::OPTION, array() );
		return is_array( $settings ) && isset( $settings['proxy_token'] ) ? (string) $settings['proxy_token'] : '';
	}
}
