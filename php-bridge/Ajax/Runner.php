<?php
/**
 * Runs a handler's body in the order DESIGN.md fixes: nonce first, then whatever the body checks
 * (input → capability → ownership), then the reply. The body returns the reply's data, or a
 * Closure that streams (run after the try, so a test's wp_die signal is never caught here).
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

final class Runner {

	/** @param callable(): (array<string, mixed>|\Closure) $body */
	public static function run( string $nonce_action, callable $body ): void {
		try {
			Guard::nonce( $nonce_action );
			$result = $body();
		} catch ( AjaxError $error ) {
			Reply::error( $error );
			return;
		} catch ( \Throwable $unexpected ) {
			// Never show internals to the browser; the log has them.
			error_log( 'Courses Copilot: ' . get_class( $unexpected ) . ': ' . $unexpected->getMessage() . ' at ' . $unexpected->getFile() . ':' . $unexpected->getLine() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
			Reply::error( AjaxError::general() );
			return;
		}
		if ( $result instanceof \Closure ) {
			$result();
			return;
		}
		Reply::success( $result );
	}
}
