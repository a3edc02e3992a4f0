<?php
/**
 * Runs one step of MultisiteProxyUrlTest inside a small multisite network (its own site config in
 * MPCC_WP_SITE_DIR, over the same core), and prints the step's result as JSON. Command line only.
 *
 * Steps: install (WordPress, then the network's tables), network (the plugin network-active, a
 * sub-site whose admin sets the proxy URL to a server of theirs), probe (as that sub-site: where
 * the proxy URL points and where a proxy call would send the token).
 */
declare(strict_types=1);

if ( 'cli' !== PHP_SAPI ) {
	http_response_code( 403 );
	exit( "Command line only.\n" );
}

$step = (string) ( $argv[1] ?? '' );
$_SERVER['HTTP_HOST']      = 'network.test';
$_SERVER['SERVER_NAME']    = 'network.test';
$_SERVER['SERVER_PORT']    = '80';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REQUEST_URI']    = 'probe' === $step ? '/sub/' : '/';
if ( 'install' === $step ) {
	define( 'WP_INSTALLING', true );
}
require rtrim( (string) getenv( 'MPCC_WP_CORE_DIR' ), '/' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
add_filter( 'pre_wp_mail', '__return_false' );

$out = array();
switch ( $step ) {
	case 'install':
		if ( ! is_blog_installed() ) {
			wp_install( 'Network', 'admin', 'admin@example.test', false, '', 'password' );
		}
		require_once ABSPATH . 'wp-admin/includes/network.php';
		// As wp-admin/network.php does: name the network's tables before making them.
		foreach ( $GLOBALS['wpdb']->tables( 'ms_global' ) as $table => $prefixed ) {
			$GLOBALS['wpdb']->$table = $prefixed;
		}
		install_network();
		$result = populate_network( 1, 'network.test', 'admin@example.test', 'Network', '/', false );
		$out    = array( 'ok' => true === $result || ( is_wp_error( $result ) && 'siteid_exists' === $result->get_error_code() ), 'result' => is_wp_error( $result ) ? $result->get_error_code() : $result );
		break;
	case 'network':
		$activated = activate_plugin( 'courses-copilot/plugin.php', '', true );
		$site_id   = wp_insert_site( array( 'domain' => 'network.test', 'path' => '/sub/', 'title' => 'Sub-site' ) );
		switch_to_blog( (int) $site_id );
		$sub_admin = wp_insert_user( array( 'user_login' => 'subadmin', 'user_pass' => 'password', 'user_email' => 'subadmin@example.test', 'role' => 'administrator' ) );
		update_option( 'mpcc_settings', array( 'proxy_url' => 'https://capture.example', 'quotas' => array() ) );
		restore_current_blog();
		$out = array( 'ok' => ! is_wp_error( $activated ) && ! is_wp_error( $site_id ) && ! is_wp_error( $sub_admin ), 'site' => $site_id );
		break;
	case 'probe':
		wp_set_current_user( (int) get_user_by( 'login', 'subadmin' )->ID );
		// What a proxy call from this sub-site would send, and where: caught before it leaves.
		$sent = array();
		add_filter(
			'pre_http_request',
			static function ( $pre, $args, $url ) use ( &$sent ) {
				$sent[] = array( 'url' => (string) $url, 'authorization' => (string) ( $args['headers']['Authorization'] ?? '' ) );
				return new WP_Error( 'mpcc_probe', 'not sent' );
			},
			1,
			3
		);
		try {
			\CoursesCopilot\Proxy\ProxyClient::for_current_user()->post( \CoursesCopilot\Proxy\ProxyClient::QUIZ, array( 'content' => 'x' ) );
		} catch ( \Throwable $ignored ) { // phpcs:ignore Generic.CodeAnalysis.EmptyStatement
		}
		// The sub-site admin saves the settings form with a URL of their own.
		$saved = \CoursesCopilot\Settings\SettingsStore::sanitize( array( 'proxy_url' => 'https://capture-again.example' ) );
		$out   = array(
			'ok'         => true,
			'multisite'  => is_multisite(),
			'blog'       => get_current_blog_id(),
			'plugin'     => class_exists( \CoursesCopilot\Plugin::class ),
			'url'        => \CoursesCopilot\Proxy\ProxySettings::url(),
			'sent'       => $sent,
			'saved_url'  => $saved['proxy_url'],
			'token'      => MPCC_PROXY_TOKEN,
		);
		break;
}
echo wp_json_encode( $out );
