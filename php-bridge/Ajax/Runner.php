<?php
/**
 * Runs one registered action in the order docs/contracts.md "Ajax actions" fixes: the nonce
 * ActionRegistry names, then what the handler checks (input → its declared permission →
 * ownership), then the reply. A DomainError becomes the error reply with its code's status. The
 * handler returns the reply's data, or a Closure that streams (run after the try, so a test's
 * wp_die signal is never caught here).
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

final class Runner {

	public static function run( string $action ): void {
		$entry = ActionRegistry::ACTIONS[ $action ];
		try {
			Guard::nonce( $entry['nonce'] );
			$result = $entry['handler']::run( new Permission( $entry['capability'] ) );
		} catch ( DomainError $error ) {
			Reply::error( $error );
			return;
		} catch ( \Throwable $unexpected ) {
			// Never show internals to the browser; the log has them.
			error_log( 'Courses Copilot: ' . get_class( $unexpected ) . ': ' . $unexpected->getMessage() . ' at ' . $unexpected->getFile() . ':' . $unexpected->getLine() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
			Reply::error( DomainError::general() );
			return;
		}
		if ( $result instanceof \Closure ) {
			try {
				$result();
			} catch ( DomainError $error ) {
				// A stream that failed before its first event is answered like any other refusal.
				Reply::error( $error );
			}
			return;
		}
		Reply::success( $result );
	}
}
