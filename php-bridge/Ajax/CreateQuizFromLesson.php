<?php
/**
 * mpcc_create_quiz_from_lesson: "Create quiz" on a lesson. Makes an mpcs-quiz draft placed right
 * after the lesson in its section (later items shift down, no two share an order), in one
 * transaction, and answers where to edit it; the quiz editor's AI modal takes it from there.
 *
 * In: lesson_id. Out: {quiz_id, edit_url}. A lesson with too little text to write questions from:
 * 422 mpcc_content_too_short (with a suggestion), and no quiz is made.
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

final class CreateQuizFromLesson {

	/** @return array<string, mixed> */
	public static function run( Permission $permission ): array {
		$lesson_id = Request::int( 'lesson_id' );
		if ( $lesson_id <= 0 ) {
			throw DomainError::invalid_parameter();
		}
		$permission->check( $lesson_id );
		Guard::can_create( PostTypes::QUIZ );
		$lesson  = Owned::post( $lesson_id, array( PostTypes::LESSON ) );
		// The quiz goes into the lesson's course, and the course's other items are renumbered: its editors' call.
		$section = CourseOutline::section( CourseOutline::section_id( $lesson->ID ) );
		if ( null !== $section ) {
			Guard::can( 'edit_post', $section['course_id'] );
		}
		// Its questions are to come from the lesson: a lesson too short for them gets no empty quiz in
		// its course, but the reason and what to add (as Generate would answer a moment later).
		ContentCheck::require_enough( QuizSource::from_post( $lesson ) );
		$quiz_id = QuizDraft::create_after(
			$lesson->ID,
			/* translators: %s: the lesson's title */
			sprintf( __( 'Quiz: %s', 'courses-copilot' ), $lesson->post_title ),
			get_current_user_id()
		);
		return array( 'quiz_id' => $quiz_id, 'edit_url' => QuizDraft::edit_url( $quiz_id ) );
	}
}
