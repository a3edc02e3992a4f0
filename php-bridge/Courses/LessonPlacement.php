<?php
/**
 * Puts a new item (a quiz) right after a lesson in its section. The section's items are renumbered
 * 1..n in their current order with the new one after the lesson, so later items shift by one and
 * no two items share an order, even where earlier edits had left duplicates. Reordering a section
 * is editing its course: nothing moves unless the current user may edit_post that course.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Courses;

defined( 'ABSPATH' ) || exit;

final class LessonPlacement {

	/** @return bool whether the new item was placed (false: no section, or a course the user may not edit). */
	public static function insert_after( int $lesson_id, int $new_post_id ): bool {
		$section_id = CourseOutline::section_id( $lesson_id );
		if ( $section_id <= 0 || 0 === SectionAccess::editable_course( $section_id ) ) {
			return false; // Outside any section, or in a course that is not the user's to reorder.
		}
		$ordered = array();
		foreach ( CourseOutline::items( $section_id, array( PostTypes::LESSON, PostTypes::QUIZ ) ) as $item ) {
			if ( $item->ID === $new_post_id ) {
				continue;
			}
			$ordered[] = $item->ID;
			if ( $item->ID === $lesson_id ) {
				$ordered[] = $new_post_id;
			}
		}
		if ( ! in_array( $new_post_id, $ordered, true ) ) {
			$ordered[] = $new_post_id; // The lesson was not listed (say, trashed meanwhile): the end of the section.
		}
		update_post_meta( $new_post_id, CourseOutline::SECTION_META, $section_id );
		foreach ( $ordered as $index => $post_id ) {
			if ( CourseOutline::order( $post_id ) !== $index + 1 || $post_id === $new_post_id ) {
				update_post_meta( $post_id, CourseOutline::ORDER_META, $index + 1 );
			}
		}
		return true;
	}
}
