<?php
/**
 * Runs the bridge's real SessionDataShape (what mpcc_auto_save_session accepts) on every *.json
 * file in a folder and prints {"file": [errors…]} as JSON. Used by the store's property test
 * (src/store/test/outline-drafts.property.test.ts), which writes the sessions the reducer makes
 * and needs the PHP answer for each, without a WordPress to boot.
 *
 * Usage: php tests/php/cli/validate-session-data.php DIR
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}
define( 'ABSPATH', dirname( __DIR__, 3 ) . '/' ); // The bridge's files refuse to run without it.
if ( ! function_exists( 'wp_json_encode' ) ) {
	/** WordPress's wrapper, as SessionDataShape uses it for the opaque `ui` object. */
	function wp_json_encode( mixed $value ): string|false {
		return json_encode( $value );
	}
}
require dirname( __DIR__, 3 ) . '/php-bridge/autoload.php';

$dir = $argv[1] ?? '';
if ( ! is_dir( $dir ) ) {
	fwrite( STDERR, "Usage: php validate-session-data.php DIR\n" );
	exit( 2 );
}
$answers = array();
foreach ( glob( rtrim( $dir, '/' ) . '/*.json' ) ?: array() as $file ) {
	// Decoded as Request::json decodes session_data: objects stay objects, depth 64.
	$input                        = json_decode( (string) file_get_contents( $file ), false, 64, JSON_THROW_ON_ERROR );
	$answers[ basename( $file ) ] = \CoursesCopilot\Validation\SessionDataShape::validate( $input )->errors;
}
echo json_encode( $answers, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES ), "\n";
