<?php
/**
 * PSR-4 autoloader for the CoursesCopilot namespace (Composer's registry is not reachable here,
 * and one small function does the job): CoursesCopilot\Ajax\ChatMessage → php-bridge/Ajax/ChatMessage.php.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

spl_autoload_register(
	static function ( string $class_name ): void {
		$prefix = 'CoursesCopilot\\';
		if ( ! str_starts_with( $class_name, $prefix ) ) {
			return;
		}
		$file = __DIR__ . '/' . str_replace( '\\', '/', substr( $class_name, strlen( $prefix ) ) ) . '.php';
		if ( is_file( $file ) ) {
			require $file;
		}
	}
);
