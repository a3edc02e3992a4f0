<?php
/**
 * Settings → Test connection tells the truth: each way it can fail is named in words an admin can act
 * on, against the real demo proxy where the failure can be made real (wrong token, a URL that is not the
 * proxy, nothing listening), and never sends the token through a redirect.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Settings\ConnectionTest;
use CoursesCopilot\Tests\Support\TestCase;

final class ConnectionTestTest extends TestCase {

	/** @var list<array{url: string, args: array<string, mixed>}> */
	private array $requests = array();

	protected function setUp(): void {
		parent::setUp();
		$this->requests = array();
		// Sees every request (first, so a fake added later still leaves a record) and lets it through.
		$this->hook(
			'pre_http_request',
			function ( $pre, $args, $url ) {
				$this->requests[] = array( 'url' => (string) $url, 'args' => (array) $args );
				return $pre;
			},
			1,
			3
		);
	}

	public function test_a_running_proxy_with_the_right_token_is_connected_and_named(): void {
		$result = ConnectionTest::run( MPCC_PROXY_URL, MPCC_PROXY_TOKEN );
		$this->assertTrue( $result['ok'], $result['message'] );
		$this->assertSame( ConnectionTest::OK, $result['result'] );
		$this->assertSame( 'demo', $result['provider'] );
		$this->assertStringContainsString( 'Connected. Provider: demo', $result['message'] );
		$this->assertCount( 2, $this->requests, 'the health check, then one authenticated request' );
		foreach ( $this->requests as $request ) {
			$this->assertSame( 0, $request['args']['redirection'], "no redirect is followed: {$request['url']}" );
		}
		$this->assertArrayNotHasKey( 'Authorization', $this->requests[0]['args']['headers'], 'the health check goes without the token' );
	}

	public function test_a_wrong_token_is_named_as_such(): void {
		$result = ConnectionTest::run( MPCC_PROXY_URL, 'not-the-token' );
		$this->assertFalse( $result['ok'] );
		$this->assertSame( ConnectionTest::WRONG_TOKEN, $result['result'] );
		$this->assertStringContainsString( 'refused the token', $result['message'] );
		$this->assertStringContainsString( 'MPCC_PROXY_TOKEN', $result['message'] );
	}

	public function test_a_missing_token_says_one_is_needed(): void {
		$result = ConnectionTest::run( MPCC_PROXY_URL, '' );
		$this->assertSame( ConnectionTest::WRONG_TOKEN, $result['result'] );
		$this->assertStringContainsString( 'none is set', $result['message'] );
	}

	public function test_nothing_listening_is_unreachable(): void {
		$port   = self::free_port(); // Bound, then freed: nothing listens there now.
		$result = ConnectionTest::run( "http://127.0.0.1:{$port}", MPCC_PROXY_TOKEN );
		$this->assertFalse( $result['ok'] );
		$this->assertSame( ConnectionTest::UNREACHABLE, $result['result'] );
		$this->assertStringContainsString( 'could not reach the proxy', $result['message'] );
		$this->assertStringContainsString( "127.0.0.1:{$port}", $result['message'] );
	}

	public function test_a_url_that_is_not_the_proxy_is_named_as_such(): void {
		// A real server answers (the proxy itself, under a path it does not serve): 404, not a proxy.
		$result = ConnectionTest::run( MPCC_PROXY_URL . '/wordpress', MPCC_PROXY_TOKEN );
		$this->assertFalse( $result['ok'] );
		$this->assertSame( ConnectionTest::NOT_A_PROXY, $result['result'] );
		$this->assertStringContainsString( 'not a Courses Copilot proxy', $result['message'] );
		$this->assertStringContainsString( 'HTTP 404', $result['message'] );
		$this->assertCount( 1, $this->requests, 'the token is not sent to something that is not the proxy' );
	}

	public function test_an_html_page_is_not_a_proxy(): void {
		$this->fake_proxy( static fn() => array( 200, '<!doctype html><title>My blog</title>' ) );
		$result = ConnectionTest::run();
		$this->assertSame( ConnectionTest::NOT_A_PROXY, $result['result'] );
		$this->assertStringContainsString( 'HTTP 200', $result['message'] );
	}

	public function test_a_redirect_is_reported_and_not_followed_with_the_token(): void {
		$this->fake_proxy( static fn() => array( 301, '', array( 'location' => 'https://elsewhere.example/healthz' ) ) );
		$result = ConnectionTest::run();
		$this->assertSame( ConnectionTest::REDIRECT, $result['result'] );
		$this->assertStringContainsString( 'https://elsewhere.example/healthz', $result['message'] );
		$this->assertCount( 1, $this->requests );
		$this->assertArrayNotHasKey( 'Authorization', $this->requests[0]['args']['headers'] );
	}

	public function test_a_real_proxy_whose_provider_is_down_says_so(): void {
		// A second proxy of the same build, configured for a provider nothing answers for.
		$dead  = self::free_port();
		$port  = self::free_port();
		$proxy = proc_open(
			array( 'node', dirname( (string) realpath( MPCC_PLUGIN_FILE ) ) . '/build-proxy/server.mjs' ),
			array( 0 => array( 'file', '/dev/null', 'r' ), 1 => array( 'file', '/dev/null', 'w' ), 2 => array( 'file', '/dev/null', 'w' ) ),
			$pipes,
			null,
			array(
				'PATH'                     => (string) getenv( 'PATH' ),
				'MPCC_PROXY_PORT'          => (string) $port,
				'MPCC_PROXY_TOKEN'         => 'provider-down-token',
				'MPCC_LLM_PROVIDER'        => 'openai-compatible',
				'MPCC_LLM_BASE_URL'        => "http://127.0.0.1:{$dead}/v1",
				'MPCC_RETRY_MAX'           => '0',
				'MPCC_DEADLINE_CONNECT_MS' => '1000',
			)
		);
		$this->assertIsResource( $proxy );
		try {
			$url = "http://127.0.0.1:{$port}";
			for ( $i = 0; $i < 100 && is_wp_error( wp_remote_get( "{$url}/healthz" ) ); $i++ ) {
				usleep( 100000 );
			}
			$result = ConnectionTest::run( $url, 'provider-down-token' );
		} finally {
			proc_terminate( $proxy );
			proc_close( $proxy );
		}
		$this->assertFalse( $result['ok'] );
		$this->assertSame( ConnectionTest::PROVIDER, $result['result'], $result['message'] );
		$this->assertStringContainsString( 'accepted the token, but the AI provider failed (openai-compatible', $result['message'] );
	}

	private static function free_port(): int {
		$socket = stream_socket_server( 'tcp://127.0.0.1:0' );
		$name   = (string) stream_socket_get_name( $socket, false );
		fclose( $socket );
		return (int) substr( $name, strrpos( $name, ':' ) + 1 );
	}

	public function test_proxy_up_but_provider_failing_names_the_provider_and_the_reason(): void {
		$this->fake_proxy(
			static fn( string $route ) => '/healthz' === $route
				? array( 200, array( 'status' => 'ok', 'provider' => 'openai', 'model' => 'gpt-4o-mini', 'demo' => false ) )
				: array( 502, array( 'error' => array( 'type' => 'upstream', 'code' => 'upstream_error', 'message' => 'The provider rejected the API key (401).' ) ) )
		);
		$result = ConnectionTest::run();
		$this->assertFalse( $result['ok'] );
		$this->assertSame( ConnectionTest::PROVIDER, $result['result'] );
		$this->assertStringContainsString( 'accepted the token, but the AI provider failed', $result['message'] );
		$this->assertStringContainsString( 'openai', $result['message'] );
		$this->assertStringContainsString( 'rejected the API key', $result['message'] );
	}

	public function test_the_messages_are_translated(): void {
		$this->hook(
			'gettext_courses-copilot',
			static fn( string $translation, string $text ) => str_starts_with( $text, 'The proxy answered but refused the token' ) ? 'Token abgelehnt.' : $translation,
			10,
			2
		);
		$this->assertSame( 'Token abgelehnt.', ConnectionTest::run( MPCC_PROXY_URL, 'wrong' )['message'] );
	}
}
