<?php
/**
 * Bench only (bench/php-first-token/run.mjs copies it into the bench site's mu-plugins and removes it
 * after): timestamps of one mpcc_* ajax request, appended as one JSON line to MPCC_BENCH_TIMING_FILE.
 * Does nothing unless the bench site's config defines that constant; it is never shipped.
 *
 * Times are milliseconds since PHP took the request ($_SERVER['REQUEST_TIME_FLOAT']).
 */

declare(strict_types=1);

if ( ! defined( 'MPCC_BENCH_TIMING_FILE' ) || ! wp_doing_ajax() ) {
	return;
}
// phpcs:ignore WordPress.Security.NonceVerification -- bench timing only.
$mpcc_bench_action = isset( $_REQUEST['action'] ) && is_string( $_REQUEST['action'] ) ? $_REQUEST['action'] : '';
if ( ! str_starts_with( $mpcc_bench_action, 'mpcc_' ) ) {
	return;
}

$GLOBALS['mpcc_bench'] = array(
	'start'  => (float) $_SERVER['REQUEST_TIME_FLOAT'],
	'marks'  => array(),
	'curl'   => null,
	'body'   => null,
	'action' => $mpcc_bench_action,
);

function mpcc_bench_mark( string $name ): void {
	$GLOBALS['mpcc_bench']['marks'][ $name ] ??= 1000 * ( microtime( true ) - $GLOBALS['mpcc_bench']['start'] );
}

mpcc_bench_mark( 'mu_plugins' );
add_action( 'plugins_loaded', static fn() => mpcc_bench_mark( 'plugins_loaded' ), PHP_INT_MIN );
add_action( 'init', static fn() => mpcc_bench_mark( 'init_start' ), PHP_INT_MIN );
add_action( 'init', static fn() => mpcc_bench_mark( 'init_19' ), 19 );
add_action( 'init', static fn() => mpcc_bench_mark( 'init_21' ), 21 );
add_action( 'init', static fn() => mpcc_bench_mark( 'init_end' ), PHP_INT_MAX );
add_action( 'admin_init', static fn() => mpcc_bench_mark( 'admin_init' ), PHP_INT_MIN );
add_action( "wp_ajax_{$mpcc_bench_action}", static fn() => mpcc_bench_mark( 'handler' ), PHP_INT_MIN );
add_filter(
	'http_request_args',
	static function ( $args ) {
		mpcc_bench_mark( 'proxy_request' );
		$GLOBALS['mpcc_bench']['body'] ??= $args['body'] ?? null;
		return $args;
	},
	PHP_INT_MAX
);
add_action(
	'http_api_curl',
	static function ( $handle ) {
		mpcc_bench_mark( 'curl_ready' );
		$GLOBALS['mpcc_bench']['curl'] = $handle;
	},
	PHP_INT_MAX
);
// The SSE emitter asks this when it sends its first event (here: the first delta).
add_filter(
	'mpcc_sse_end_output_buffers',
	static function ( $end ) {
		mpcc_bench_mark( 'first_event' );
		return $end;
	},
	PHP_INT_MIN
);
register_shutdown_function(
	static function () {
		$bench = $GLOBALS['mpcc_bench'];
		$line  = array(
			'action' => $bench['action'],
			'marks'  => $bench['marks'],
			'body'   => $bench['body'],
		);
		if ( $bench['curl'] instanceof CurlHandle ) {
			// Milliseconds from curl's start of the transfer (read in microseconds).
			$line['curl'] = array(
				'connect'       => curl_getinfo( $bench['curl'], CURLINFO_CONNECT_TIME_T ) / 1000,
				'pretransfer'   => curl_getinfo( $bench['curl'], CURLINFO_PRETRANSFER_TIME_T ) / 1000,
				'starttransfer' => curl_getinfo( $bench['curl'], CURLINFO_STARTTRANSFER_TIME_T ) / 1000,
			);
		}
		file_put_contents( MPCC_BENCH_TIMING_FILE, wp_json_encode( $line ) . "\n", FILE_APPEND | LOCK_EX );
	}
);
