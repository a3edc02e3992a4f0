<?php
/**
 * On a multisite network whose proxy token is in wp-config.php (issue 12, finding 6), a sub-site
 * admin who sets the proxy URL to a server of their own does not get the network's token sent
 * there: the URL is network-level whenever the token is. A real network (its own tables, a
 * sub-site, the plugin network-active) is set up next to this test site and probed in a separate
 * PHP process, since a request is either multisite or not from its first line.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Proxy\ProxySettings;
use CoursesCopilot\Tests\Support\TestCase;

final class MultisiteProxyUrlTest extends TestCase {

	private const PREFIX = 'msnet_';

	private static function site_dir(): string {
		return rtrim( (string) getenv( 'MPCC_WP_SITE_DIR' ), '/' ) . '-multisite';
	}

	/** This site's config, for a network in its own SQLite file or its own MySQL tables; no MPCC_PROXY_URL. */
	private static function write_config(): void {
		global $wpdb;
		$dir = self::site_dir();
		// A fresh network each run: its own folder (SQLite file, config, log) and no tables left from the last.
		foreach ( is_dir( $dir ) ? (array) scandir( $dir ) : array() as $entry ) {
			if ( is_file( "{$dir}/{$entry}" ) ) {
				unlink( "{$dir}/{$entry}" );
			}
		}
		if ( ! is_dir( $dir ) ) {
			mkdir( $dir );
		}
		foreach ( $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( self::PREFIX ) . '%' ) ) as $table ) {
			$wpdb->query( "DROP TABLE IF EXISTS `{$table}`" ); // phpcs:ignore WordPress.DB.PreparedSQL
		}
		$source = rtrim( (string) getenv( 'MPCC_WP_SITE_DIR' ), '/' );
		$lines  = array();
		foreach ( file( $source . '/site-config.php', FILE_IGNORE_NEW_LINES ) as $line ) {
			if ( preg_match( "/define\\( '(WP_HOME|WP_SITEURL|MPCC_PROXY_URL)'/", $line ) ) {
				continue;
			}
			$line    = str_replace( $source, $dir, $line );
			$lines[] = str_starts_with( $line, '$table_prefix' ) ? '$table_prefix = ' . var_export( self::PREFIX, true ) . ';' : $line;
		}
		$lines[] = "if ( getenv( 'MPCC_MULTISITE' ) ) {";
		$lines[] = "\tdefine( 'MULTISITE', true );";
		$lines[] = "\tdefine( 'SUBDOMAIN_INSTALL', false );";
		$lines[] = "\tdefine( 'DOMAIN_CURRENT_SITE', 'network.test' );";
		$lines[] = "\tdefine( 'PATH_CURRENT_SITE', '/' );";
		$lines[] = "\tdefine( 'SITE_ID_CURRENT_SITE', 1 );";
		$lines[] = "\tdefine( 'BLOG_ID_CURRENT_SITE', 1 );";
		$lines[] = '}';
		file_put_contents( $dir . '/site-config.php', implode( "\n", $lines ) . "\n" );
	}

	/** @return array<string, mixed> */
	private static function step( string $step ): array {
		$env    = array_merge( getenv(), array( 'MPCC_WP_SITE_DIR' => self::site_dir(), 'MPCC_MULTISITE' => 'install' === $step ? '' : '1' ) );
		$script = dirname( __DIR__ ) . '/Support/multisite-site.php';
		$proc   = proc_open( array( PHP_BINARY, $script, $step ), array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ), $pipes, null, $env );
		$output = (string) stream_get_contents( $pipes[1] );
		$errors = (string) stream_get_contents( $pipes[2] );
		proc_close( $proc );
		$result = json_decode( (string) substr( $output, (int) strrpos( $output, '{"ok"' ) ), true );
		if ( ! is_array( $result ) || true !== ( $result['ok'] ?? false ) ) {
			throw new \RuntimeException( "multisite step {$step} failed:\n{$output}\n{$errors}" );
		}
		return $result;
	}

	public function test_a_sub_site_admin_cannot_send_the_networks_token_to_their_own_server(): void {
		self::write_config();
		self::step( 'install' );
		self::step( 'network' );
		$probe = self::step( 'probe' );
		$this->assertTrue( $probe['multisite'] );
		$this->assertGreaterThan( 1, $probe['blog'], 'probed as the sub-site' );
		$this->assertTrue( $probe['plugin'], 'the plugin is network-active' );

		$this->assertSame( ProxySettings::DEFAULT_URL, $probe['url'] );
		$this->assertNotEmpty( $probe['sent'] );
		foreach ( $probe['sent'] as $request ) {
			$this->assertStringStartsWith( ProxySettings::DEFAULT_URL . '/', $request['url'] );
			$this->assertStringNotContainsString( 'capture', $request['url'], 'the token went to the sub-site admin\'s server' );
		}
		$this->assertSame( 'Bearer ' . $probe['token'], $probe['sent'][0]['authorization'] );
		$this->assertStringNotContainsString( 'capture-again', $probe['saved_url'], 'the settings form does not change a network-level URL' );
	}
}
