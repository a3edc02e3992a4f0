<?php
/**
 * This test site served over real HTTP the way `npm start` serves it: `php -S` on a free port with
 * scripts/wp/router.php, the test's environment (so the same site config and database), and
 * requests made with real auth cookies and nonces, one at a time or several in parallel.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Support;

final class LocalServer {

	/** @var resource */
	private $process;

	private function __construct( public readonly string $url, $process ) {
		$this->process = $process;
	}

	public static function start( int $workers = 2 ): self {
		$socket = stream_socket_server( 'tcp://127.0.0.1:0' );
		$name   = (string) stream_socket_get_name( $socket, false );
		$port   = (int) substr( $name, strrpos( $name, ':' ) + 1 );
		fclose( $socket );
		$core    = rtrim( (string) getenv( 'MPCC_WP_CORE_DIR' ), '/' );
		$router  = dirname( __DIR__, 3 ) . '/scripts/wp/router.php';
		$log     = rtrim( (string) getenv( 'MPCC_WP_SITE_DIR' ), '/' ) . '/http-test-server.log';
		$process = proc_open(
			array( PHP_BINARY, '-S', "127.0.0.1:{$port}", '-t', $core, $router ),
			array( 0 => array( 'file', '/dev/null', 'r' ), 1 => array( 'file', $log, 'a' ), 2 => array( 'file', $log, 'a' ) ),
			$pipes,
			$core,
			array_merge( getenv(), array( 'PHP_CLI_SERVER_WORKERS' => (string) $workers ) )
		);
		for ( $i = 0; $i < 100; $i++ ) {
			$probe = @fsockopen( '127.0.0.1', $port, $errno, $errstr, 0.1 );
			if ( $probe ) {
				fclose( $probe );
				return new self( "http://127.0.0.1:{$port}", $process );
			}
			usleep( 50000 );
		}
		throw new \RuntimeException( 'php -S did not start; see ' . $log );
	}

	public function stop(): void {
		if ( is_resource( $this->process ) ) {
			$status = proc_get_status( $this->process );
			// The workers are children of the server: stop them with it.
			exec( 'pkill -TERM -P ' . (int) $status['pid'] );
			proc_terminate( $this->process );
			proc_close( $this->process );
		}
	}

	/**
	 * Auth cookies for a fresh login session of the user, and a nonce maker tied to that session.
	 *
	 * @return array{cookie: string, nonce: \Closure(string): string}
	 */
	public static function login( string $login ): array {
		$user_id    = (int) get_user_by( 'login', $login )->ID;
		$expiration = time() + HOUR_IN_SECONDS;
		$token      = \WP_Session_Tokens::get_instance( $user_id )->create( $expiration );
		$logged_in  = wp_generate_auth_cookie( $user_id, $expiration, 'logged_in', $token );
		$cookie     = AUTH_COOKIE . '=' . rawurlencode( wp_generate_auth_cookie( $user_id, $expiration, 'auth', $token ) ) . '; ' . LOGGED_IN_COOKIE . '=' . rawurlencode( $logged_in );
		$nonce      = static function ( string $action ) use ( $user_id, $logged_in ): string {
			// Nonces are tied to the login session: make it with the same token the cookie carries.
			$previous                    = get_current_user_id();
			$_COOKIE[ LOGGED_IN_COOKIE ] = $logged_in;
			wp_set_current_user( $user_id );
			$value = wp_create_nonce( $action );
			unset( $_COOKIE[ LOGGED_IN_COOKIE ] );
			wp_set_current_user( $previous );
			return $value;
		};
		return array( 'cookie' => $cookie, 'nonce' => $nonce );
	}

	/**
	 * @param array<string, string>|null $post form fields (null: GET)
	 * @return array{status: int, body: string}
	 */
	public function request( string $path, ?array $post = null, string $cookie = '' ): array {
		return $this->parallel( array( array( $path, $post, $cookie ) ) )[0];
	}

	/**
	 * Sends every request at once and waits for all of them.
	 *
	 * @param list<array{0: string, 1: array<string, string>|null, 2?: string}> $requests path, form fields, cookie
	 * @return list<array{status: int, body: string}> in the order given
	 */
	public function parallel( array $requests ): array {
		$multi   = curl_multi_init();
		$handles = array();
		foreach ( $requests as $request ) {
			$curl = curl_init( $this->url . $request[0] );
			curl_setopt_array(
				$curl,
				array(
					CURLOPT_RETURNTRANSFER => true,
					CURLOPT_TIMEOUT        => 60,
					CURLOPT_COOKIE         => $request[2] ?? '',
					CURLOPT_PATH_AS_IS     => true,
				)
			);
			if ( null !== $request[1] ) {
				curl_setopt( $curl, CURLOPT_POSTFIELDS, http_build_query( $request[1] ) );
			}
			curl_multi_add_handle( $multi, $curl );
			$handles[] = $curl;
		}
		do {
			$status = curl_multi_exec( $multi, $running );
			if ( $running ) {
				curl_multi_select( $multi, 1.0 );
			}
		} while ( $running && CURLM_OK === $status );
		$out = array();
		foreach ( $handles as $curl ) {
			$out[] = array( 'status' => (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE ), 'body' => (string) curl_multi_getcontent( $curl ) );
			curl_multi_remove_handle( $multi, $curl );
			curl_close( $curl );
		}
		curl_multi_close( $multi );
		return $out;
	}
}
