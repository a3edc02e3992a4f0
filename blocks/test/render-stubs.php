<?php
/**
 * Just enough of WordPress to run the question blocks' render.php files on their own
 * (blocks/test/render.test.ts): escaping as core does it, and a block wrapper.
 */
declare(strict_types=1);

define( 'ABSPATH', __DIR__ );

function esc_html( $text ) {
	return htmlspecialchars( (string) $text, ENT_QUOTES, 'UTF-8' );
}
function esc_attr( $text ) {
	return htmlspecialchars( (string) $text, ENT_QUOTES, 'UTF-8' );
}
function __( $text, $domain = 'default' ) {
	return $text;
}
function esc_html__( $text, $domain = 'default' ) {
	return esc_html( $text );
}
function _n( $single, $plural, $number, $domain = 'default' ) {
	return 1 === $number ? $single : $plural;
}
function wp_unique_id( $prefix = '' ) {
	static $id = 0;
	return $prefix . (string) ++$id;
}
function get_block_wrapper_attributes( $extra = array() ) {
	return 'class="wp-block-test ' . esc_attr( $extra['class'] ?? '' ) . '"';
}

// The renderer takes its question types from the quiz schema, so load what it uses through the autoloader.
require dirname( __DIR__, 2 ) . '/php-bridge/autoload.php';

$cases  = json_decode( (string) file_get_contents( 'php://stdin' ), true );
$output = array();
foreach ( $cases as $case ) {
	$attributes = $case['attributes'];
	ob_start();
	include dirname( __DIR__ ) . '/' . $case['folder'] . '/render.php';
	$output[] = ob_get_clean();
}
echo json_encode( $output );
