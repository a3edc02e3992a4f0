<?php
/**
 * The bridge over real HTTP: this site served by `php -S` (as `npm start` serves it), requests made
 * with real auth cookies and nonces. Checks what only a real request shows: the statuses on the
 * wire, the logged-out answer from admin-ajax.php, and a streamed reply arriving as an event stream
 * (headers, events in order, no "0" appended by admin-ajax.php).
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Assets\BrowserConfig;
use CoursesCopilot\Tests\Support\LocalServer;
use CoursesCopilot\Tests\Support\TestCase;

final class HttpTest extends TestCase {

	private static ?LocalServer $server = null;
	private static string $url = '';

	public static function setUpBeforeClass(): void {
		self::$server = LocalServer::start();
		self::$url    = self::$server->url;
	}

	public static function tearDownAfterClass(): void {
		self::$server?->stop();
	}

	/**
	 * @param array<string, string> $fields
	 * @return array{status: int, headers: array<string, string>, body: string, first_event_ms: ?float}
	 */
	private function post( array $fields, ?string $login ): array {
		$cookies = '';
		if ( null !== $login ) {
			$user_id    = self::user_id( $login );
			$expiration = time() + HOUR_IN_SECONDS;
			$token      = \WP_Session_Tokens::get_instance( $user_id )->create( $expiration );
			$logged_in  = wp_generate_auth_cookie( $user_id, $expiration, 'logged_in', $token );
			$cookies    = AUTH_COOKIE . '=' . rawurlencode( wp_generate_auth_cookie( $user_id, $expiration, 'auth', $token ) ) . '; ' . LOGGED_IN_COOKIE . '=' . rawurlencode( $logged_in );
			if ( isset( $fields['nonce'] ) && 'right' === $fields['nonce'] ) {
				// Nonces are tied to the login session: make it with the same token the cookie carries.
				$_COOKIE[ LOGGED_IN_COOKIE ] = $logged_in;
				wp_set_current_user( $user_id );
				$fields['nonce'] = wp_create_nonce( TestCase::nonce_action( $fields['action'] ) );
				unset( $_COOKIE[ LOGGED_IN_COOKIE ] );
			}
		}
		$headers = array();
		$body    = '';
		$started = microtime( true );
		$first   = null;
		$curl    = curl_init( self::$url . '/wp-admin/admin-ajax.php' );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_POST           => true,
				CURLOPT_POSTFIELDS     => http_build_query( $fields ),
				CURLOPT_COOKIE         => $cookies,
				CURLOPT_TIMEOUT        => 60,
				CURLOPT_HEADERFUNCTION => static function ( $c, string $line ) use ( &$headers ): int {
					if ( str_contains( $line, ':' ) ) {
						list( $name, $value )             = explode( ':', $line, 2 );
						$headers[ strtolower( $name ) ] = trim( $value );
					}
					return strlen( $line );
				},
				CURLOPT_WRITEFUNCTION  => static function ( $c, string $chunk ) use ( &$body, &$first, $started ): int {
					if ( null === $first && str_contains( $body . $chunk, "\n\n" ) ) {
						$first = ( microtime( true ) - $started ) * 1000;
					}
					$body .= $chunk;
					return strlen( $chunk );
				},
			)
		);
		curl_exec( $curl );
		$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		return array( 'status' => $status, 'headers' => $headers, 'body' => $body, 'first_event_ms' => $first );
	}

	public function test_statuses_on_the_wire(): void {
		$out = $this->post( array( 'action' => 'mpcc_list_sessions', 'nonce' => 'right' ), null );
		$this->assertSame( 401, $out['status'], $out['body'] );
		$this->assertSame( 'mpcc_not_logged_in', json_decode( $out['body'], true )['data']['code'] );

		$out = $this->post( array( 'action' => 'mpcc_list_sessions', 'nonce' => 'nope' ), 'admin' );
		$this->assertSame( 403, $out['status'], $out['body'] );
		$this->assertSame( 'mpcc_invalid_nonce', json_decode( $out['body'], true )['data']['code'] );

		$out = $this->post( array( 'action' => 'mpcc_create_course', 'nonce' => 'right', 'session_id' => 'abc', 'course_data' => (string) wp_json_encode( self::structure() ) ), 'subscriber' );
		$this->assertSame( 403, $out['status'], $out['body'] );
		$this->assertSame( 'mpcc_forbidden', json_decode( $out['body'], true )['data']['code'] );

		$out = $this->post( array( 'action' => 'mpcc_list_sessions', 'nonce' => 'right' ), 'editor' );
		$this->assertSame( 200, $out['status'], $out['body'] );
		$this->assertStringStartsWith( 'application/json', $out['headers']['content-type'] );
		$this->assertTrue( json_decode( $out['body'], true )['success'] );
	}

	public function test_a_streamed_turn_arrives_as_an_event_stream(): void {
		$out = $this->post( array( 'action' => 'mpcc_chat_message', 'nonce' => 'right', 'message' => 'A short course on knife skills for home cooks.', 'stream' => '1' ), 'admin' );
		$this->assertSame( 200, $out['status'], $out['body'] );
		$this->assertStringStartsWith( 'text/event-stream', $out['headers']['content-type'] );
		$this->assertSame( 'no', $out['headers']['x-accel-buffering'] );
		$this->assertStringStartsWith( 'event: ', $out['body'] );
		$this->assertStringEndsWith( "\n\n", $out['body'], 'nothing (like admin-ajax.php\'s "0") after the last event' );
		preg_match_all( '/^event: (\w+)$/m', $out['body'], $names );
		$this->assertContains( 'delta', $names[1] );
		$this->assertSame( 'done', end( $names[1] ) );
		$this->assertNotNull( $out['first_event_ms'] );
		fwrite( STDERR, sprintf( "\n  [http] first streamed event after %.0f ms\n", $out['first_event_ms'] ) );
	}
}
