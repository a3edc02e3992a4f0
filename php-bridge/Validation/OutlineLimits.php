<?php
/**
 * The two sets of limits an outline is held to (src/schemas/course.ts COURSE_LIMITS and DRAFT_LIMITS).
 * `creation()` is the finished course: what Create course and the model's answers must meet.
 * `draft()` is work in progress as the author saves it: empty and long titles, empty sections and
 * big sections all save; only counts and lengths far beyond any person's work are refused, so a
 * request cannot make the server store or walk something huge.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Validation;

defined( 'ABSPATH' ) || exit;

final class OutlineLimits {

	private function __construct(
		public readonly int $min_title,
		public readonly int $max_title,
		public readonly int $max_description,
		public readonly int $max_sections,
		public readonly int $max_lessons_per_section,
		public readonly int $max_lessons,
		public readonly int $max_lesson_content,
	) {}

	public static function creation(): self {
		return new self( 1, CourseShape::MAX_TITLE, CourseShape::MAX_DESCRIPTION, CourseShape::MAX_SECTIONS, CourseShape::MAX_LESSONS_PER_SECTION, CourseShape::MAX_SECTIONS * CourseShape::MAX_LESSONS_PER_SECTION, CourseShape::MAX_LESSON_CONTENT );
	}

	public static function draft(): self {
		return new self( 0, CourseDraftShape::MAX_TITLE, CourseDraftShape::MAX_DESCRIPTION, CourseDraftShape::MAX_SECTIONS, CourseDraftShape::MAX_LESSONS_PER_SECTION, CourseDraftShape::MAX_LESSONS, CourseDraftShape::MAX_LESSON_CONTENT );
	}
}
