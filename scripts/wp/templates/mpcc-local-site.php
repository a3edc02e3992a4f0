<?php
/**
 * Plugin Name: Courses Copilot local site helpers
 * Description: Keeps the local WordPress quiet and offline: no mail, no update checks, no external calls.
 */
declare(strict_types=1);

add_filter( 'pre_wp_mail', '__return_false' );
// The dashboard's news and browser checks call out to the network, which this machine does not have.
add_filter( 'pre_http_request', static function ( $pre, $args, $url ) {
	$host = (string) wp_parse_url( $url, PHP_URL_HOST );
	if ( in_array( $host, array( '127.0.0.1', 'localhost', '::1' ), true ) ) {
		return $pre;
	}
	return new WP_Error( 'mpcc_offline', 'No network on this machine.' );
}, 10, 3 );

/*
 * One-time login link printed by `npm start` (local sites only): the link's token is written to the
 * site's folder, used once, and expires after ten minutes.
 */
add_action( 'login_init', static function (): void {
	if ( 'local' !== wp_get_environment_type() || empty( $_GET['mpcc_autologin'] ) ) {
		return;
	}
	$file = rtrim( (string) getenv( 'MPCC_WP_SITE_DIR' ), '/' ) . '/autologin.json';
	$data = is_file( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null;
	@unlink( $file );
	$given = sanitize_text_field( wp_unslash( $_GET['mpcc_autologin'] ) );
	if ( ! is_array( $data ) || ! hash_equals( (string) ( $data['token'] ?? '' ), $given ) || time() > (int) ( $data['expires'] ?? 0 ) ) {
		wp_die( 'This login link was used already or has expired. Log in with the password printed by npm start.', 403 );
	}
	$user = get_user_by( 'login', (string) ( $data['user'] ?? 'admin' ) );
	if ( $user ) {
		wp_set_auth_cookie( $user->ID, true );
		wp_safe_redirect( admin_url( (string) ( $data['redirect'] ?? 'admin.php?page=mpcc-course-editor' ) ) );
		exit;
	}
} );

// Update checks call wordpress.org on admin pages; offline they only fill the debug log with warnings.
// Unhooking the checks is enough (no update transients are filtered: that is what plugin updaters do).
add_action( 'init', static function (): void {
	remove_action( 'admin_init', '_maybe_update_core' );
	remove_action( 'admin_init', '_maybe_update_plugins' );
	remove_action( 'admin_init', '_maybe_update_themes' );
	remove_action( 'init', 'wp_schedule_update_checks' );
	remove_action( 'wp_version_check', 'wp_version_check' );
	remove_action( 'load-plugins.php', 'wp_update_plugins' );
	remove_action( 'load-update-core.php', 'wp_update_plugins' );
	remove_action( 'load-themes.php', 'wp_update_themes' );
}, 0 );
