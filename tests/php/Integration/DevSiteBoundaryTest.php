<?php
/**
 * What an anonymous visitor of the dev site can reach (issue 12, finding 1): the site served as
 * `npm start` serves it, probed for the site's secrets (proxy token, one-time login, database,
 * config, logs), the repository's non-runtime files and its scripts, with dot-segment and encoded
 * escapes. None may answer 200; WordPress itself and the plugin's runtime assets still must.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Tests\Support\LocalServer;
use CoursesCopilot\Tests\Support\TestCase;

final class DevSiteBoundaryTest extends TestCase {

	private const PLUGIN = '/wp-content/plugins/courses-copilot/';

	private static ?LocalServer $server = null;
	/** @var list<string> canaries this test wrote, removed afterwards */
	private static array $written = array();

	public static function setUpBeforeClass(): void {
		$site = rtrim( (string) getenv( 'MPCC_WP_SITE_DIR' ), '/' );
		// What `npm start` leaves next to a site: a one-time login link's token and the proxy token.
		foreach ( array( $site . '/autologin.json', dirname( $site, 2 ) . '/proxy-token' ) as $file ) {
			if ( ! file_exists( $file ) ) {
				file_put_contents( $file, 'canary-' . wp_generate_password( 12, false ) );
				self::$written[] = $file;
			}
		}
		self::$server = LocalServer::start();
	}

	public static function tearDownAfterClass(): void {
		self::$server?->stop();
		foreach ( self::$written as $file ) {
			@unlink( $file ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		}
	}

	/** @return array<string, string> what => URL path */
	private static function secrets(): array {
		$site  = basename( rtrim( (string) getenv( 'MPCC_WP_SITE_DIR' ), '/' ) );
		$paths = array(
			'the proxy token'                    => self::PLUGIN . '.wp/proxy-token',
			'the one-time admin login'           => self::PLUGIN . ".wp/sites/{$site}/autologin.json",
			'the site config (db, token, keys)'  => self::PLUGIN . ".wp/sites/{$site}/site-config.php",
			'the auth keys'                      => self::PLUGIN . ".wp/sites/{$site}/keys.json",
			'the SQLite database'                => self::PLUGIN . '.wp/sites/phpunit-sqlite/wordpress.sqlite',
			'the debug log'                      => self::PLUGIN . ".wp/sites/{$site}/debug.log",
			'the proxy log'                      => self::PLUGIN . '.wp/proxy-php-tests.log',
			'the installer (resets admin)'       => self::PLUGIN . 'scripts/wp/install.php',
			'the eval script'                    => self::PLUGIN . 'scripts/wp/eval.php',
			'the router'                         => self::PLUGIN . 'scripts/wp/router.php',
			'the tests'                          => self::PLUGIN . 'tests/php/bootstrap.php',
			'the TypeScript sources'             => self::PLUGIN . 'src/index.ts',
			'the proxy'                          => self::PLUGIN . 'proxy/README.md',
			'node_modules'                       => self::PLUGIN . 'node_modules/zod/package.json',
			'package.json'                       => self::PLUGIN . 'package.json',
			'git'                                => self::PLUGIN . '.git/HEAD',
			'a dot segment in the plugin'        => self::PLUGIN . 'build/../.wp/proxy-token',
			'an encoded escape from the plugin'  => self::PLUGIN . 'build/%2e%2e/.wp/proxy-token',
			'an encoded escape from the core'    => "/%2e%2e/%2e%2e/sites/{$site}/keys.json",
			'an encoded escape to the repo'      => '/%2e%2e/%2e%2e/%2e%2e/package.json',
			'an encoded slash escape'            => "/wp-content/..%2f..%2f..%2fsites%2f{$site}%2fkeys.json",
			'the core tree\'s own dot files'     => '/.mpcc-core',
		);
		$src = glob( dirname( __DIR__, 3 ) . '/src/*.ts*' );
		if ( $src ) {
			$paths['the TypeScript sources'] = self::PLUGIN . 'src/' . basename( $src[0] );
		}
		return $paths;
	}

	public function test_an_anonymous_visitor_gets_none_of_the_sites_data_or_the_repository(): void {
		$reached = array();
		foreach ( self::secrets() as $what => $path ) {
			$response = self::$server->request( $path );
			if ( 200 === $response['status'] ) {
				$reached[] = "{$what} ({$path})";
			}
		}
		$this->assertSame( array(), $reached, 'answered 200' );
	}

	public function test_wordpress_and_the_plugins_runtime_assets_still_serve(): void {
		$paths = array( '/wp-login.php', '/wp-includes/js/jquery/jquery.min.js', '/wp-includes/css/dashicons.min.css', self::PLUGIN . 'blocks/shared/front.css', self::PLUGIN . 'blocks/multiple-choice-question/block.json' );
		foreach ( glob( dirname( __DIR__, 3 ) . '/build/*/index.js' ) ?: array() as $bundle ) {
			$paths[] = self::PLUGIN . 'build/' . basename( dirname( $bundle ) ) . '/index.js';
		}
		foreach ( $paths as $path ) {
			$this->assertSame( 200, self::$server->request( $path )['status'], $path );
		}
		$this->assertStringContainsString( 'user_login', self::$server->request( '/wp-login.php' )['body'] );
		$ajax = self::$server->request( '/wp-admin/admin-ajax.php', array( 'action' => 'mpcc_list_sessions' ) );
		$this->assertSame( 401, $ajax['status'], 'admin-ajax.php still runs' );
	}

	public function test_the_scripts_refuse_to_run_outside_the_command_line(): void {
		// Served directly (as any web server pointed at the repository would), each script stops at once.
		$scripts = dirname( __DIR__, 3 ) . '/scripts/wp';
		$socket  = stream_socket_server( 'tcp://127.0.0.1:0' );
		$name    = (string) stream_socket_get_name( $socket, false );
		$port    = (int) substr( $name, strrpos( $name, ':' ) + 1 );
		fclose( $socket );
		$process = proc_open( array( PHP_BINARY, '-S', "127.0.0.1:{$port}", '-t', $scripts ), array( 0 => array( 'file', '/dev/null', 'r' ), 1 => array( 'file', '/dev/null', 'a' ), 2 => array( 'file', '/dev/null', 'a' ) ), $pipes, $scripts, getenv() );
		try {
			for ( $i = 0; $i < 100 && ! @fsockopen( '127.0.0.1', $port ); $i++ ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors
				usleep( 50000 );
			}
			foreach ( glob( $scripts . '/*.php' ) as $script ) {
				$curl = curl_init( "http://127.0.0.1:{$port}/" . basename( $script ) );
				curl_setopt_array( $curl, array( CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 30 ) );
				$body   = (string) curl_exec( $curl );
				$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
				curl_close( $curl );
				$this->assertSame( 403, $status, basename( $script ) . ': ' . substr( $body, 0, 200 ) );
			}
		} finally {
			proc_terminate( $process );
			proc_close( $process );
		}
	}
}
