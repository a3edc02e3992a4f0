<?php
/**
 * A transaction rolled back because another request held the database (SQLite's "database is
 * locked", InnoDB's deadlock or lock wait timeout). Transaction::run runs the work again.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Courses;

defined( 'ABSPATH' ) || exit;

final class LostLockRace extends \RuntimeException {

	public function __construct( string $said, \Throwable $failure ) {
		parent::__construct( $said, 0, $failure );
	}
}
