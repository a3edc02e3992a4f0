<?php
/**
 * A session's outline as work in progress (src/schemas/course.ts CourseDraftSchema): the shape of
 * the course structure with the draft limits of OutlineLimits. An untitled lesson, an empty
 * section, 60 lessons in a section or a pasted 300-character title all save; Create course and
 * the model's answers are held to CourseShape.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Validation;

defined( 'ABSPATH' ) || exit;

final class CourseDraftShape {

	/** Caps against abuse only: about ten times what a real course has, and the 1 MB request bounds the rest. */
	public const MAX_SECTIONS            = 500;
	public const MAX_LESSONS_PER_SECTION = 1000;
	public const MAX_LESSONS             = 5000;
	public const MAX_TITLE               = 5000;
	public const MAX_DESCRIPTION         = 100000;
	public const MAX_LESSON_CONTENT      = 1000000;

	public static function validate( mixed $input ): Result {
		$checker = new Checker();
		return Result::from( $checker, self::check( $checker, $input, '' ) );
	}

	/** @return array<string, mixed>|null */
	public static function check( Checker $c, mixed $input, string $path ): ?array {
		return CourseShape::check_with( $c, $input, $path, OutlineLimits::draft() );
	}
}
