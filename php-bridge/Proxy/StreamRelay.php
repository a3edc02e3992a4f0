<?php
/**
 * Relays a streaming task call from the proxy to the browser event by event. WordPress' HTTP API
 * waits for the whole body, so curl's write callback is swapped in through the `http_api_curl`
 * action: each chunk is parsed and the events re-emitted (after the caller has cleaned them) as
 * they arrive. When the browser goes away, a progress callback aborts the upstream transfer
 * (returning 0 from the write callback would make Requests retry the request) — unless the caller
 * says how long the work is still wanted (`$still_wanted`): then it goes on without the browser (a
 * reload finds it stored) and the progress callback aborts it once that says no (Stop).
 *
 * The proxy's `done` is not passed through: the caller validates and persists it, and the browser
 * gets our own `done` with what it needs (session id, revision). A failure before the first event
 * is thrown for the caller to answer (as JSON with its status); after it, it is sent as an `error`
 * event {code, message, …}.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Proxy;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

final class StreamRelay {

	private SseParser $parser;
	private SseEmitter $emitter;
	private int $status       = 0;
	private string $error_raw = '';
	private bool $received    = false;
	private bool $aborted     = false;
	private bool $gone        = false;
	private float $checked_at = 0.0;
	private mixed $done       = null;
	private mixed $error      = null;

	/**
	 * @param callable(string, mixed): mixed                 $on_event what to send for an intermediate event (null: skip it)
	 * @param callable(mixed): array<string, mixed>         $on_done  validates and stores the proxy's final response; our `done` data
	 */
	/** @param (callable(): bool)|null $still_wanted */
	private function __construct( private readonly string $route, private $on_event, private $on_done, private $still_wanted = null ) {
		$this->parser  = new SseParser();
		$this->emitter = new SseEmitter();
	}

	/**
	 * @param array<string, mixed> $body
	 * @param callable(string, mixed): mixed         $on_event
	 * @param callable(mixed): array<string, mixed> $on_done
	 * @param (callable(): bool)|null                $still_wanted checked about twice a second; see above
	 * @param array{0: string, 1: mixed}|null        $opening      an event sent before the proxy is asked
	 * @throws DomainError when it fails before anything was streamed.
	 */
	public static function run( ProxyClient $client, string $route, array $body, callable $on_event, callable $on_done, ?callable $still_wanted = null, ?array $opening = null ): void {
		$relay = new self( $route, $on_event, $on_done, $still_wanted );
		try {
			if ( null !== $opening ) {
				$relay->emit( $opening[0], $opening[1] );
			}
			$client->consume_quota();
			$relay->relay( $client, $body );
			$relay->conclude();
		} catch ( DomainError $error ) {
			if ( ! $relay->emitter->started() ) {
				throw $error;
			}
			$relay->emit( 'error', $error->to_data() );
		}
		$relay->emitter->finish();
	}

	/**
	 * The curl option of the callback that can abort a transfer: CURLOPT_XFERINFOFUNCTION exists from
	 * PHP 8.2 only; on 8.1 (our minimum) the older CURLOPT_PROGRESSFUNCTION takes the same arguments.
	 */
	public static function progress_option(): int {
		return defined( 'CURLOPT_XFERINFOFUNCTION' ) ? (int) constant( 'CURLOPT_XFERINFOFUNCTION' ) : CURLOPT_PROGRESSFUNCTION;
	}

	/** @param array<string, mixed> $body */
	private function relay( ProxyClient $client, array $body ): void {
		$body['stream'] = true;
		$hook           = function ( $handle ): void {
			curl_setopt( $handle, CURLOPT_WRITEFUNCTION, array( $this, 'on_chunk' ) );
			curl_setopt( $handle, CURLOPT_NOPROGRESS, false );
			curl_setopt( $handle, self::progress_option(), fn(): int => $this->aborted || ! $this->wanted() ? 1 : 0 );
		};
		add_action( 'http_api_curl', $hook );
		try {
			$response = wp_remote_post( $client->url( $this->route ), $client->args( $body ) );
		} finally {
			remove_action( 'http_api_curl', $hook );
		}
		if ( $this->aborted ) {
			return;
		}
		if ( is_wp_error( $response ) ) {
			if ( null === $this->done && 0 === $this->status ) {
				throw ProxyErrors::from_wp_error( $response, $this->route );
			}
		} else {
			if ( ! $this->received ) {
				// Another transport (or a pre_http_request filter) handed over the whole body at once.
				$this->status = (int) wp_remote_retrieve_response_code( $response );
				$raw          = (string) wp_remote_retrieve_body( $response );
				if ( 200 === $this->status ) {
					$this->handle( $this->parser->feed( $raw ) );
				} else {
					$this->error_raw = $raw;
				}
			}
			if ( 200 !== $this->status ) {
				throw ProxyErrors::from_status( $this->status, $this->error_raw, (string) wp_remote_retrieve_header( $response, 'retry-after' ), $this->route );
			}
		}
		$this->handle( $this->parser->finish() );
	}

	/** curl's write callback: one chunk of the response body. */
	public function on_chunk( $handle, string $chunk ): int {
		$this->received = true;
		if ( 0 === $this->status ) {
			$this->status = (int) curl_getinfo( $handle, CURLINFO_RESPONSE_CODE );
		}
		if ( 200 !== $this->status ) {
			$this->error_raw .= substr( $chunk, 0, max( 0, 65536 - strlen( $this->error_raw ) ) );
		} elseif ( ! $this->aborted ) {
			$this->handle( $this->parser->feed( $chunk ) );
		}
		return strlen( $chunk );
	}

	/** @param array<int, array{0: string, 1: mixed}> $events */
	private function handle( array $events ): void {
		foreach ( $events as list( $name, $data ) ) {
			if ( $this->aborted ) {
				return;
			}
			if ( 'done' === $name ) {
				$this->done = $data;
			} elseif ( 'error' === $name ) {
				$this->error = $data;
			} else {
				$out = ( $this->on_event )( $name, $data );
				if ( null !== $out ) {
					$this->emit( $name, $out );
				}
			}
		}
	}

	/** Sends an event while someone listens; a browser that left ends the work unless it is still wanted. */
	private function emit( string $name, mixed $data ): void {
		if ( $this->gone ) {
			return;
		}
		if ( ! $this->emitter->send( $name, $data ) ) {
			$this->gone    = true;
			$this->aborted = null === $this->still_wanted;
		}
	}

	/** The caller's word, asked at most twice a second (it may read the database). */
	private function wanted(): bool {
		if ( null === $this->still_wanted || microtime( true ) - $this->checked_at < 0.5 ) {
			return true;
		}
		$this->checked_at = microtime( true );
		if ( ! ( $this->still_wanted )() ) {
			$this->aborted = true;
		}
		return ! $this->aborted;
	}

	private function conclude(): void {
		if ( $this->aborted ) {
			return; // Nobody is listening; nothing is stored for a turn the user did not see end.
		}
		if ( null !== $this->error ) {
			throw ProxyErrors::from_stream_event( $this->error, $this->route );
		}
		if ( null === $this->done ) {
			throw ProxyErrors::from_status( 502, 'stream ended without done', '', $this->route );
		}
		$this->emit( 'done', ( $this->on_done )( $this->done ) );
	}
}
