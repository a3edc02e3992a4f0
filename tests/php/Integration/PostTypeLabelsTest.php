<?php
/**
 * On a WordPress without MemberPress Courses the plugin registers the course post types itself; their
 * screens name courses, lessons and quizzes, never "Post" (WordPress' fallback for a missing label).
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Courses\PostTypes;
use CoursesCopilot\Tests\Support\TestCase;

final class PostTypeLabelsTest extends TestCase {

	public function test_the_course_screens_name_courses_not_posts(): void {
		$labels = get_post_type_object( PostTypes::COURSE )->labels;
		$this->assertSame( 'Add New Course', $labels->add_new );
		$this->assertSame( 'Add New Course', $labels->add_new_item );
		$this->assertSame( 'All Courses', $labels->all_items );
		$this->assertSame( 'No courses found.', $labels->not_found );
		$this->assertSame( 'Course updated.', $labels->item_updated );
	}

	public function test_no_label_of_lessons_or_quizzes_falls_back_to_posts(): void {
		$posts = array();
		foreach ( array( PostTypes::COURSE, PostTypes::LESSON, PostTypes::QUIZ ) as $post_type ) {
			foreach ( (array) get_post_type_object( $post_type )->labels as $name => $label ) {
				if ( is_string( $label ) && preg_match( '/\bposts?\b/i', $label ) ) {
					$posts[] = "$post_type $name: $label";
				}
			}
		}
		$this->assertSame( array(), $posts );
	}
}
