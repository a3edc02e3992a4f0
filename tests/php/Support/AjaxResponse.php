<?php
/**
 * What a handler sent: the status set through status_header, and the body (JSON, or SSE events).
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Support;

final class AjaxResponse {

	public function __construct( public readonly int $status, public readonly string $body ) {}

	/** @return array<string, mixed> */
	public function json(): array {
		$decoded = json_decode( $this->body, true );
		if ( ! is_array( $decoded ) ) {
			throw new \RuntimeException( "Not a JSON reply (status {$this->status}): " . substr( $this->body, 0, 500 ) );
		}
		return $decoded;
	}

	/** @return array<string, mixed> */
	public function data(): array {
		return (array) ( $this->json()['data'] ?? array() );
	}

	public function success(): bool {
		return true === ( $this->json()['success'] ?? null );
	}

	public function code(): ?string {
		$data = $this->json()['data'] ?? null;
		return is_array( $data ) && isset( $data['code'] ) ? (string) $data['code'] : null;
	}

	/** @return array<int, array{event: string, data: mixed}> */
	public function events(): array {
		$events = array();
		foreach ( preg_split( "/\n\n/", trim( $this->body ) ) ?: array() as $block ) {
			if ( preg_match( '/^event: (.+)\ndata: (.*)$/s', $block, $m ) ) {
				$events[] = array( 'event' => $m[1], 'data' => json_decode( $m[2], true ) );
			}
		}
		return $events;
	}

	/** @return array<int, string> */
	public function event_names(): array {
		return array_column( $this->events(), 'event' );
	}
}
