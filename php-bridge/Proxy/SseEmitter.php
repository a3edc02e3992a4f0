<?php
/**
 * Writes Server-Sent Events to the browser, one flush per event. Output buffers are ended and
 * `X-Accel-Buffering: no` tells nginx not to hold events back. Headers go out with the first event,
 * so a failure before it can still be answered as a JSON error with its real status.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Proxy;

defined( 'ABSPATH' ) || exit;

final class SseEmitter {

	private bool $started = false;

	public function started(): bool {
		return $this->started;
	}

	public function start(): void {
		if ( $this->started ) {
			return;
		}
		$this->started = true;
		// Finish the request's own work (saving) even if the browser goes away mid-stream.
		ignore_user_abort( true );
		if ( ! headers_sent() ) {
			status_header( 200 );
			header( 'Content-Type: text/event-stream; charset=utf-8' );
			header( 'Cache-Control: no-cache, no-transform' );
			header( 'X-Accel-Buffering: no' );
			header( 'X-Content-Type-Options: nosniff' );
		}
		/** Tests keep their output buffer to read the events; real requests must not buffer. */
		if ( apply_filters( 'mpcc_sse_end_output_buffers', true ) ) {
			while ( ob_get_level() > 0 ) {
				ob_end_flush();
			}
		}
	}

	/** Sends one event; false once the browser has gone away. */
	public function send( string $event, mixed $data ): bool {
		$this->start();
		echo 'event: ' . $event . "\n" . 'data: ' . wp_json_encode( $data ) . "\n\n"; // phpcs:ignore WordPress.Security.EscapeOutput -- JSON in an event stream, not HTML.
		flush();
		return ! connection_aborted();
	}

	/** Ends the response here, so admin-ajax.php does not append its "0". */
	public function finish(): void {
		wp_die( '', '', array( 'response' => null ) );
	}
}
