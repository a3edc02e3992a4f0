<?php
/**
 * Runs PHP code read from stdin inside a local site (tests use it to check what landed in the
 * database) and prints the code's return value as JSON. Env: MPCC_WP_SITE_DIR, MPCC_WP_CORE_DIR.
 */
declare(strict_types=1);

// A local-site tool: never a web page (it would reset users or run code for whoever asked).
if ( 'cli' !== PHP_SAPI ) {
	http_response_code( 403 );
	exit( "Command line only.\n" );
}

require_once getenv( 'MPCC_WP_SITE_DIR' ) . '/site-config.php';
$home                   = parse_url( WP_HOME );
$_SERVER['HTTP_HOST']   = $home['host'] . ( isset( $home['port'] ) ? ':' . $home['port'] : '' );
$_SERVER['REQUEST_URI'] = '/';
require getenv( 'MPCC_WP_CORE_DIR' ) . '/wp-load.php';

$code   = (string) stream_get_contents( STDIN );
$result = ( static fn() => eval( $code ) )();
echo wp_json_encode( $result );
