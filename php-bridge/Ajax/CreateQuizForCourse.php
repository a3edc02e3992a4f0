<?php
/**
 * mpcc_create_quiz_for_course: "Create a quiz for this course" (the course editor and the courses
 * list). Makes an mpcs-quiz draft placed at the end of the course, right after its last lesson, in
 * one transaction; the quiz editor then opens its AI modal with the whole course as the source.
 *
 * In: course_id. Out: {quiz_id, edit_url}. Lessons with too little text between them to write
 * questions from: 422 mpcc_content_too_short (with a suggestion), and no quiz is made.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

use CoursesCopilot\Courses\CourseOutline;
use CoursesCopilot\Courses\PostTypes;
use CoursesCopilot\Courses\QuizDraft;
use CoursesCopilot\Quiz\ContentCheck;
use CoursesCopilot\Quiz\QuizSource;

final class CreateQuizForCourse {

	/** @return array<string, mixed> */
	public static function run( Permission $permission ): array {
		$course_id = Request::int( 'course_id' );
		if ( $course_id <= 0 ) {
			throw DomainError::invalid_parameter();
		}
		$permission->check( $course_id );
		Guard::can_create( PostTypes::QUIZ );
		$course  = Owned::post( $course_id, array( PostTypes::COURSE ) );
		$lessons = CourseOutline::lessons( $course->ID );
		$last    = end( $lessons );
		if ( ! $last instanceof \WP_Post ) {
			throw DomainError::invalid_parameter( __( 'This course has no lessons yet. Add a lesson first: a course quiz is written from its lessons.', 'courses-copilot' ) );
		}
		ContentCheck::require_enough( QuizSource::from_course( $course->ID ) ); // As for a lesson: no empty quiz.
		$quiz_id = QuizDraft::create_after(
			$last->ID,
			/* translators: %s: the course's title */
			sprintf( __( 'Quiz: %s', 'courses-copilot' ), $course->post_title ),
			get_current_user_id()
		);
		return array( 'quiz_id' => $quiz_id, 'edit_url' => QuizDraft::edit_url( $quiz_id ) );
	}
}
