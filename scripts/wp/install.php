<?php
/**
 * Installs a local site once (wp-cli is not available here): WordPress, the admin and test users,
 * Courses Copilot activated, and the demo content. Safe to run again: it only fills what is missing.
 *
 * Env: MPCC_WP_SITE_DIR, MPCC_WP_CORE_DIR, MPCC_ADMIN_PASSWORD, MPCC_WP_CLEAN (1: WordPress and users only).
 */
declare(strict_types=1);

// A local-site tool: never a web page (it would reset users or run code for whoever asked).
if ( 'cli' !== PHP_SAPI ) {
	http_response_code( 403 );
	exit( "Command line only.\n" );
}

$core = rtrim( (string) getenv( 'MPCC_WP_CORE_DIR' ), '/' );
$site = (string) getenv( 'MPCC_WP_SITE_DIR' );
if ( '' === $core || ! is_file( $core . '/wp-load.php' ) ) {
	fwrite( STDERR, "MPCC_WP_CORE_DIR must point at a prepared WordPress tree\n" );
	exit( 2 );
}
require_once $site . '/site-config.php';
$home                    = parse_url( WP_HOME );
$_SERVER['HTTP_HOST']    = $home['host'] . ( isset( $home['port'] ) ? ':' . $home['port'] : '' );
$_SERVER['SERVER_NAME']  = $home['host'];
$_SERVER['REQUEST_URI']  = '/';
$_SERVER['SERVER_PORT']  = (string) ( $home['port'] ?? 80 );
$_SERVER['REQUEST_METHOD'] = 'GET';

define( 'WP_INSTALLING', true );
require $core . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$password = (string) ( getenv( 'MPCC_ADMIN_PASSWORD' ) ?: 'password' );
if ( ! is_blog_installed() ) {
	$result = wp_install( 'Courses Copilot', 'admin', 'admin@example.test', true, '', wp_slash( $password ) );
	echo "installed WordPress {$GLOBALS['wp_version']}\n";
	update_option( 'permalink_structure', '/%postname%/' );
} else {
	$admin = get_user_by( 'login', 'admin' );
	if ( $admin && ! wp_check_password( $password, $admin->user_pass, $admin->ID ) ) {
		wp_set_password( $password, $admin->ID );
	}
}

// Users the tests act as: an editor, an author (owns nothing of the admin's) and a subscriber (no edit_posts).
foreach ( array( 'editor' => 'editor', 'author' => 'author', 'subscriber' => 'subscriber' ) as $login => $role ) {
	if ( ! get_user_by( 'login', $login ) ) {
		wp_insert_user( array( 'user_login' => $login, 'user_pass' => $password, 'user_email' => "$login@example.test", 'role' => $role ) );
	}
}
// Welcome guides and the pattern chooser would cover the editor in every session and screenshot.
foreach ( get_users( array( 'fields' => 'ID' ) ) as $user_id ) {
	update_user_meta( (int) $user_id, $GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences', array(
		'core/edit-post' => array( 'welcomeGuide' => false, 'isComplementaryAreaVisible' => true ),
		'core'           => array( 'enableChoosePatternModal' => false ),
		'_modified'      => gmdate( 'c' ),
	) );
}

// A clean site (MPCC_WP_CLEAN=1, the install e2e) stops here: the plugin arrives through Upload Plugin.
if ( '1' === getenv( 'MPCC_WP_CLEAN' ) ) {
	return;
}

$plugin = 'courses-copilot/plugin.php';
if ( ! is_plugin_active( $plugin ) ) {
	$activated = activate_plugin( $plugin );
	if ( is_wp_error( $activated ) ) {
		fwrite( STDERR, 'activating Courses Copilot failed: ' . $activated->get_error_message() . "\n" );
		exit( 1 );
	}
	echo "activated Courses Copilot\n";
}

require __DIR__ . '/seed-demo-content.php';
