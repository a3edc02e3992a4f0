<?php
/**
 * Router for `php -S` (the local sites of `npm start` and the tests). It is the dev site's only
 * boundary, so it serves exactly two things: WordPress core (the document root) and the plugin's
 * runtime files (the entries scripts/wp/core.mjs links into wp-content/plugins/courses-copilot).
 *
 * - The path is decoded once and refused if any segment is empty-dot, `..`, or starts with a dot
 *   (.wp, .git, .ht*), or if it holds a NUL or a backslash.
 * - The file's real path must lie inside the document root or inside one of the plugin's linked
 *   entries (their real paths), so symlinks and encoded escapes cannot leave them.
 * - PHP runs only from WordPress core; the plugin's PHP is loaded by WordPress, never requested.
 * - Directories get their index.php (so /wp-admin/ works); anything else that is not a file goes to
 *   WordPress' front controller. Static files are sent from here, with their type.
 */
declare(strict_types=1);

// Only as the router of `php -S`, which lives outside the tree it serves: inside it, it is being
// requested as a page.
$mpcc_docroot = realpath( (string) ( $_SERVER['DOCUMENT_ROOT'] ?? '' ) );
if ( 'cli-server' !== PHP_SAPI || false === $mpcc_docroot || str_starts_with( __FILE__, $mpcc_docroot . '/' ) ) {
	http_response_code( 403 );
	echo "scripts/wp/router.php is the router of `php -S` and does nothing else.\n";
	exit( 1 );
}

const MPCC_PLUGIN_PREFIX = '/wp-content/plugins/courses-copilot/';

/** Refuses the request with a plain status and nothing else. */
function mpcc_refuse( int $status ): bool {
	http_response_code( $status );
	header( 'Content-Type: text/plain; charset=utf-8' );
	echo 404 === $status ? "Not found.\n" : "Forbidden.\n";
	return true;
}

/** True when $path is $root or lies inside it (both real paths). */
function mpcc_inside( string $path, string $root ): bool {
	return $path === $root || str_starts_with( $path, rtrim( $root, '/' ) . '/' );
}

/** Real paths the server may serve: the core tree, and each entry linked into the plugin's folder. */
function mpcc_served_roots( string $docroot ): array {
	$roots  = array( 'core' => array( $docroot ), 'plugin' => array() );
	$plugin = $docroot . MPCC_PLUGIN_PREFIX;
	foreach ( is_dir( $plugin ) ? (array) scandir( $plugin ) : array() as $entry ) {
		if ( '' === $entry || '.' === $entry[0] ) {
			continue;
		}
		$real = realpath( $plugin . $entry );
		if ( false !== $real ) {
			$roots['plugin'][] = $real;
		}
	}
	return $roots;
}

/** The served area a real path lies in: 'core', 'plugin', or null (outside both). */
function mpcc_area( string $real, array $roots ): ?string {
	foreach ( $roots['plugin'] as $root ) {
		if ( mpcc_inside( $real, $root ) ) {
			return 'plugin';
		}
	}
	return mpcc_inside( $real, $roots['core'][0] ) ? 'core' : null;
}

function mpcc_content_type( string $file ): string {
	$types = array(
		'css'   => 'text/css; charset=utf-8',
		'js'    => 'text/javascript; charset=utf-8',
		'mjs'   => 'text/javascript; charset=utf-8',
		'json'  => 'application/json',
		'map'   => 'application/json',
		'svg'   => 'image/svg+xml',
		'png'   => 'image/png',
		'jpg'   => 'image/jpeg',
		'jpeg'  => 'image/jpeg',
		'gif'   => 'image/gif',
		'webp'  => 'image/webp',
		'avif'  => 'image/avif',
		'ico'   => 'image/x-icon',
		'woff'  => 'font/woff',
		'woff2' => 'font/woff2',
		'ttf'   => 'font/ttf',
		'eot'   => 'application/vnd.ms-fontobject',
		'html'  => 'text/html; charset=utf-8',
		'htm'   => 'text/html; charset=utf-8',
		'txt'   => 'text/plain; charset=utf-8',
		'xml'   => 'application/xml',
		'wasm'  => 'application/wasm',
		'mp3'   => 'audio/mpeg',
		'mp4'   => 'video/mp4',
	);
	$extension = strtolower( pathinfo( $file, PATHINFO_EXTENSION ) );
	if ( isset( $types[ $extension ] ) ) {
		return $types[ $extension ];
	}
	$detected = function_exists( 'mime_content_type' ) ? mime_content_type( $file ) : false;
	return is_string( $detected ) ? $detected : 'application/octet-stream';
}

/**
 * Decides what the request gets.
 *
 * @return string|true a core PHP file to run (WordPress needs the global scope, so the caller runs
 *                     it), or true when the answer was sent already.
 */
function mpcc_route( string $docroot ): string|bool {
	$path    = rawurldecode( (string) parse_url( (string) $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
	if ( '' === $path || '/' !== $path[0] || str_contains( $path, "\0" ) || str_contains( $path, '\\' ) ) {
		return mpcc_refuse( 404 );
	}
	foreach ( explode( '/', $path ) as $segment ) {
		if ( '' !== $segment && '.' === $segment[0] ) {
			return mpcc_refuse( 404 ); // `.`, `..`, .wp, .git, .htaccess, .ht.sqlite…
		}
	}
	$roots = mpcc_served_roots( $docroot );
	$real  = realpath( $docroot . $path );
	if ( false !== $real && is_dir( $real ) ) {
		$index = realpath( $real . '/index.php' );
		$real  = false !== $index ? $index : false; // A folder without an index: WordPress decides (404 or a page).
		if ( false === $real && str_starts_with( $path . '/', MPCC_PLUGIN_PREFIX ) ) {
			return mpcc_refuse( 404 );
		}
	}
	if ( false === $real ) {
		if ( str_starts_with( $path, MPCC_PLUGIN_PREFIX ) ) {
			return mpcc_refuse( 404 ); // Not a runtime file of the plugin: not WordPress' to answer either.
		}
		return $docroot . '/index.php';
	}
	$area = mpcc_area( $real, $roots );
	if ( null === $area || ! is_file( $real ) ) {
		return mpcc_refuse( 404 );
	}
	if ( str_ends_with( $real, '.php' ) ) {
		// WordPress loads the plugin's PHP itself; requested directly it is not an entry point.
		return 'core' === $area ? $real : mpcc_refuse( 403 );
	}
	header( 'Content-Type: ' . mpcc_content_type( $real ) );
	header( 'Content-Length: ' . filesize( $real ) );
	header( 'Last-Modified: ' . gmdate( 'D, d M Y H:i:s', (int) filemtime( $real ) ) . ' GMT' );
	if ( 'HEAD' !== ( $_SERVER['REQUEST_METHOD'] ?? 'GET' ) ) {
		readfile( $real );
	}
	return true;
}

$mpcc_script  = mpcc_route( $mpcc_docroot );
if ( is_string( $mpcc_script ) ) {
	$_SERVER['SCRIPT_FILENAME'] = $mpcc_script;
	$_SERVER['SCRIPT_NAME']     = substr( $mpcc_script, strlen( $mpcc_docroot ) );
	$_SERVER['PHP_SELF']        = $_SERVER['SCRIPT_NAME'];
	chdir( dirname( $mpcc_script ) );
	unset( $mpcc_docroot );
	require $mpcc_script;
}
return true;
