<?php
/**
 * Calls the LLM proxy's task routes (src/schemas/tasks.ts) for the current user. URL and token come
 * from ProxySettings (wp-config constants win); the timeout is longer than the proxy's own 60 s
 * deadline so the proxy, which knows why, is the one that gives up.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Proxy;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Settings\Quota;

final class ProxyClient {

	public const TIMEOUT = 90;

	public const COURSE_TURN    = '/v1/tasks/course-turn';
	public const LESSON_CONTENT = '/v1/tasks/lesson-content';
	public const EDITOR_ASSIST  = '/v1/tasks/editor-assist';
	public const QUIZ           = '/v1/tasks/quiz';

	public function __construct( private readonly int $user_id ) {}

	public static function for_current_user(): self {
		return new self( get_current_user_id() );
	}

	/**
	 * A JSON task call. Returns the decoded body (objects as stdClass, for the validator).
	 *
	 * @param array<string, mixed> $body
	 */
	public function post( string $route, array $body ): mixed {
		Quota::consume( $this->user_id );
		$response = wp_remote_post( $this->url( $route ), $this->args( $body ) );
		if ( is_wp_error( $response ) ) {
			throw ProxyErrors::from_wp_error( $response, $route );
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		$raw    = (string) wp_remote_retrieve_body( $response );
		if ( $status < 200 || $status > 299 ) {
			throw ProxyErrors::from_status( $status, $raw, (string) wp_remote_retrieve_header( $response, 'retry-after' ), $route );
		}
		$decoded = json_decode( $raw, false, 64 );
		if ( JSON_ERROR_NONE !== json_last_error() ) {
			throw ProxyErrors::from_status( 502, $raw, '', $route );
		}
		return $decoded;
	}

	public function url( string $route ): string {
		return ProxySettings::url() . $route;
	}

	/**
	 * @param array<string, mixed> $body
	 * @return array<string, mixed> wp_remote_post arguments.
	 */
	public function args( array $body ): array {
		return array(
			'timeout'     => self::TIMEOUT,
			'redirection' => 0,
			'headers'     => array(
				'Content-Type'  => 'application/json',
				'Accept'        => empty( $body['stream'] ) ? 'application/json' : 'text/event-stream',
				'Authorization' => 'Bearer ' . ProxySettings::token(),
				'X-MPCC-Site'   => (string) wp_parse_url( home_url(), PHP_URL_HOST ),
				'X-MPCC-User'   => (string) $this->user_id,
				'X-Request-Id'  => wp_generate_uuid4(),
			),
			'body'        => (string) wp_json_encode( $body ),
		);
	}

	/** For StreamRelay, which makes the HTTP call itself. */
	public function consume_quota(): void {
		Quota::consume( $this->user_id );
	}
}
