<?php
/**
 * Boots the real WordPress tree prepared by scripts/wp/site.mjs (the WordPress test library is not
 * reachable here): MPCC_WP_SITE_DIR holds the site's config, MPCC_WP_CORE_DIR the core with this
 * plugin active. Tests run in-process against its database (SQLite or MariaDB: MPCC_DB_ENGINE).
 */
declare(strict_types=1);

$mpcc_core = rtrim( (string) getenv( 'MPCC_WP_CORE_DIR' ), '/' );
$mpcc_site = rtrim( (string) getenv( 'MPCC_WP_SITE_DIR' ), '/' );
if ( '' === $mpcc_core || ! is_file( $mpcc_core . '/wp-load.php' ) || ! is_file( $mpcc_site . '/site-config.php' ) ) {
	fwrite( STDERR, "Set MPCC_WP_CORE_DIR and MPCC_WP_SITE_DIR (run `npm run test:php`).\n" );
	exit( 2 );
}

// wp-config.php reads the site config itself; read it first for WP_HOME, as install.php does.
require_once $mpcc_site . '/site-config.php';
$mpcc_home                 = parse_url( WP_HOME );
$_SERVER['HTTP_HOST']      = $mpcc_home['host'] . ( isset( $mpcc_home['port'] ) ? ':' . $mpcc_home['port'] : '' );
$_SERVER['SERVER_NAME']    = $mpcc_home['host'];
$_SERVER['SERVER_PORT']    = (string) ( $mpcc_home['port'] ?? 80 );
$_SERVER['REQUEST_URI']    = '/wp-admin/admin-ajax.php';
$_SERVER['REQUEST_METHOD'] = 'POST';
$_SERVER['REMOTE_ADDR']    = '127.0.0.1';

require $mpcc_core . '/wp-load.php';

if ( ! class_exists( \CoursesCopilot\Plugin::class ) ) {
	fwrite( STDERR, "Courses Copilot is not active on this site.\n" );
	exit( 2 );
}

require __DIR__ . '/Support/AjaxDied.php';
require __DIR__ . '/Support/AjaxResponse.php';
require __DIR__ . '/Support/TestCase.php';
require __DIR__ . '/Support/LocalServer.php';
