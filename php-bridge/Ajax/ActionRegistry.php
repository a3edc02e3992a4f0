<?php
/**
 * Hooks every wp_ajax_mpcc_* action to its handler (one class per action in this folder),
 * and every wp_ajax_nopriv_mpcc_* to the logged-out answer.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

final class ActionRegistry {

	/** @var array<string, class-string> action => handler class (filled in by the bridge). */
	public const HANDLERS = array();

	public static function register(): void {
		foreach ( self::HANDLERS as $action => $handler ) {
			add_action( "wp_ajax_{$action}", array( $handler, 'handle' ) );
		}
	}
}
