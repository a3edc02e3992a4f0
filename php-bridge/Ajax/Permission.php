<?php
/**
 * An action's declared permission step (ActionRegistry's `capability`), handed to its handler,
 * which asks it once the input is read: nonce → input → capability → ownership.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

final class Permission {

	public function __construct( public readonly string $capability ) {}

	/** @param int ...$object the post a meta capability such as `edit_post` is asked of */
	public function check( int ...$object ): void {
		Guard::can( $this->capability, ...$object );
	}
}
