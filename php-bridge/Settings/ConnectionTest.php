<?php
/**
 * "Test connection": the proxy's /healthz asked from PHP (where the bridge runs), then an
 * authenticated request, so a wrong token shows here rather than in the first chat.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Settings;

use CoursesCopilot\Proxy\ProxySettings;

final class ConnectionTest {

	/** @return array{ok: bool, message: string, provider?: string, model?: string, demo?: bool} */
	public static function run(): array {
		$response = wp_remote_get( ProxySettings::url() . '/healthz', array( 'timeout' => 5 ) );
		if ( is_wp_error( $response ) || 200 !== (int) wp_remote_retrieve_response_code( $response ) ) {
			return array(
				'ok'      => false,
				/* translators: %s: the proxy's URL */
				'message' => sprintf( __( 'The proxy at %s did not answer.', 'courses-copilot' ), ProxySettings::url() ),
			);
		}
		$health   = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		$provider = sanitize_text_field( (string) ( $health['provider'] ?? 'unknown' ) );
		$model    = sanitize_text_field( (string) ( $health['model'] ?? '' ) );
		$demo     = ! empty( $health['demo'] );
		// An authenticated route with an empty body: 400 means the token was accepted, 401 that it was not.
		$auth = wp_remote_post(
			ProxySettings::url() . '/v1/tasks/quiz',
			array(
				'timeout' => 5,
				'headers' => array( 'Authorization' => 'Bearer ' . ProxySettings::token(), 'Content-Type' => 'application/json' ),
				'body'    => '{}',
			)
		);
		$status = is_wp_error( $auth ) ? 0 : (int) wp_remote_retrieve_response_code( $auth );
		if ( 401 === $status || 403 === $status ) {
			return array( 'ok' => false, 'message' => __( 'The proxy answered, but it did not accept the token.', 'courses-copilot' ), 'provider' => $provider, 'model' => $model, 'demo' => $demo );
		}
		return array(
			'ok'       => true,
			'message'  => sprintf(
				/* translators: 1: provider name, 2: model name, 3: " (demo)" or nothing */
				__( 'Connected. Provider: %1$s, model: %2$s%3$s.', 'courses-copilot' ),
				$provider,
				'' === $model ? '—' : $model,
				$demo ? __( ' (demo: not a real AI)', 'courses-copilot' ) : ''
			),
			'provider' => $provider,
			'model'    => $model,
			'demo'     => $demo,
		);
	}
}
