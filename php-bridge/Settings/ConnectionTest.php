<?php
/**
 * "Test connection", asked from PHP (where the bridge runs), one step at a time so the answer names the
 * step that failed, in words an admin can act on:
 *   1. GET /healthz (no token): does anything answer at the URL, and is it a Courses Copilot proxy?
 *   2. POST /v1/chat/completions with the token and a tiny prompt: is the token accepted, and does the
 *      configured AI provider answer? (A unique prompt, so the proxy's cache cannot answer for the provider.)
 * No request follows a redirect: the token must only ever go to the URL the admin entered.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Settings;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Proxy\ProxySettings;

final class ConnectionTest {

	public const OK          = 'ok';
	public const UNREACHABLE = 'unreachable';
	public const REDIRECT    = 'redirect';
	public const NOT_A_PROXY = 'not_a_proxy';
	public const WRONG_TOKEN = 'wrong_token';
	public const PROVIDER    = 'provider_failing';

	/** Seconds for the health check; the provider check waits for one short model answer. */
	private const HEALTH_TIMEOUT   = 5;
	private const PROVIDER_TIMEOUT = 45;

	/**
	 * @param string|null $url   the proxy URL to test (the configured one when null).
	 * @param string|null $token the token to test (the configured one when null).
	 * @return array{ok: bool, result: string, message: string, provider?: string, model?: string, demo?: bool}
	 */
	public static function run( ?string $url = null, ?string $token = null ): array {
		$url   = untrailingslashit( $url ?? ProxySettings::url() );
		$token = $token ?? ProxySettings::token();

		$health = wp_remote_get(
			$url . '/healthz',
			array(
				'timeout'     => self::HEALTH_TIMEOUT,
				'redirection' => 0,
				'headers'     => array( 'Accept' => 'application/json' ),
			)
		);
		if ( is_wp_error( $health ) ) {
			return self::unreachable( $url, $health );
		}
		$status = (int) wp_remote_retrieve_response_code( $health );
		if ( $status >= 300 && $status < 400 ) {
			return self::failure(
				self::REDIRECT,
				sprintf(
					/* translators: 1: the proxy URL entered, 2: where it redirects to */
					__( '%1$s redirects to %2$s. Enter the address the proxy really answers at (for example with https://); the token is never sent to a redirect.', 'courses-copilot' ),
					$url,
					(string) wp_remote_retrieve_header( $health, 'location' )
				)
			);
		}
		$info = json_decode( (string) wp_remote_retrieve_body( $health ), true );
		if ( 200 !== $status || ! is_array( $info ) || 'ok' !== ( $info['status'] ?? null ) || ! is_string( $info['provider'] ?? null ) ) {
			return self::failure(
				self::NOT_A_PROXY,
				sprintf(
					/* translators: 1: the proxy URL entered, 2: HTTP status code */
					__( 'Something answers at %1$s (HTTP %2$d), but it is not a Courses Copilot proxy. Check the URL: it is the address the proxy listens on, such as http://127.0.0.1:8787, not this WordPress site or the AI provider.', 'courses-copilot' ),
					$url,
					$status
				)
			);
		}
		$found = array(
			'provider' => sanitize_text_field( $info['provider'] ),
			'model'    => sanitize_text_field( (string) ( $info['model'] ?? '' ) ),
			'demo'     => ! empty( $info['demo'] ),
		);

		$reply = wp_remote_post(
			$url . '/v1/chat/completions',
			array(
				'timeout'     => self::PROVIDER_TIMEOUT,
				'redirection' => 0,
				'headers'     => array(
					'Authorization' => 'Bearer ' . $token,
					'Content-Type'  => 'application/json',
					'Accept'        => 'application/json',
					'X-MPCC-Site'   => (string) wp_parse_url( home_url(), PHP_URL_HOST ),
					'X-MPCC-User'   => (string) get_current_user_id(),
				),
				'body'        => (string) wp_json_encode(
					array(
						'model'      => $found['model'],
						'max_tokens' => 5,
						'messages'   => array(
							array(
								'role'    => 'user',
								'content' => 'Connection test ' . wp_generate_uuid4() . '. Reply with OK.',
							),
						),
					)
				),
			)
		);
		if ( is_wp_error( $reply ) ) {
			return self::unreachable( $url, $reply ) + $found;
		}
		$status = (int) wp_remote_retrieve_response_code( $reply );
		$error  = json_decode( (string) wp_remote_retrieve_body( $reply ), true );
		$error  = is_array( $error ) && is_array( $error['error'] ?? null ) ? $error['error'] : array();
		if ( 401 === $status || 403 === $status ) {
			return self::failure(
				self::WRONG_TOKEN,
				'' === $token
					? __( 'The proxy needs a token and none is set. Enter the proxy\'s MPCC_PROXY_TOKEN in the Proxy token field.', 'courses-copilot' )
					: __( 'The proxy answered but refused the token. Enter the same token as the proxy\'s MPCC_PROXY_TOKEN.', 'courses-copilot' )
			) + $found;
		}
		if ( $status >= 300 && $status < 400 ) {
			return self::failure(
				self::REDIRECT,
				/* translators: %s: the proxy URL entered */
				sprintf( __( '%s redirects authenticated requests. Enter the address the proxy really answers at; the token is never sent to a redirect.', 'courses-copilot' ), $url )
			) + $found;
		}
		if ( $status < 200 || $status > 299 ) {
			$detail = sanitize_text_field( (string) ( $error['message'] ?? '' ) );
			return self::failure(
				self::PROVIDER,
				sprintf(
					/* translators: 1: provider name, 2: model name, 3: HTTP status, 4: the proxy's explanation */
					__( 'The proxy is running and accepted the token, but the AI provider failed (%1$s, model %2$s; HTTP %3$d: %4$s). Check the provider key, model and base URL in the proxy\'s settings, or the provider\'s status.', 'courses-copilot' ),
					$found['provider'],
					'' === $found['model'] ? '—' : $found['model'],
					$status,
					'' === $detail ? __( 'no details', 'courses-copilot' ) : $detail
				)
			) + $found;
		}
		return array(
			'ok'      => true,
			'result'  => self::OK,
			'message' => sprintf(
				/* translators: 1: provider name, 2: model name, 3: " (demo: not a real AI)" or nothing */
				__( 'Connected. Provider: %1$s, model: %2$s%3$s.', 'courses-copilot' ),
				$found['provider'],
				'' === $found['model'] ? '—' : $found['model'],
				$found['demo'] ? __( ' (demo: not a real AI)', 'courses-copilot' ) : ''
			),
		) + $found;
	}

	/** @return array{ok: false, result: string, message: string} */
	private static function unreachable( string $url, \WP_Error $error ): array {
		return self::failure(
			self::UNREACHABLE,
			sprintf(
				/* translators: 1: the proxy URL entered, 2: the network error */
				__( 'WordPress could not reach the proxy at %1$s (%2$s). Check that the proxy is running and that this server can reach that address and port.', 'courses-copilot' ),
				$url,
				sanitize_text_field( $error->get_error_message() )
			)
		);
	}

	/** @return array{ok: false, result: string, message: string} */
	private static function failure( string $result, string $message ): array {
		return array(
			'ok'      => false,
			'result'  => $result,
			'message' => $message,
		);
	}
}
