<?php
/**
 * Router for `php -S`: real files are served as they are, directories get their index.php
 * (so /wp-admin/ works), everything else goes to WordPress' front controller.
 */
$path = urldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$file = $_SERVER['DOCUMENT_ROOT'] . $path;

if ( is_dir( $file ) ) {
	$file = rtrim( $file, '/' ) . '/index.php';
	if ( ! is_file( $file ) ) {
		$file = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
	}
}
if ( is_file( $file ) && str_ends_with( $file, '.php' ) ) {
	$_SERVER['SCRIPT_FILENAME'] = $file;
	$_SERVER['SCRIPT_NAME']     = substr( $file, strlen( $_SERVER['DOCUMENT_ROOT'] ) );
	$_SERVER['PHP_SELF']        = $_SERVER['SCRIPT_NAME'];
	chdir( dirname( $file ) );
	require $file;
	return true;
}
if ( is_file( $file ) ) {
	return false; // Static asset: the built-in server sends it.
}
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['SCRIPT_NAME']     = '/index.php';
chdir( $_SERVER['DOCUMENT_ROOT'] );
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
return true;
