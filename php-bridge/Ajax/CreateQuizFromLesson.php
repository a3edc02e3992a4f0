<?php
/**
 * mpcc_create_quiz_from_lesson: "Create quiz" on a lesson. Makes an mpcs-quiz draft placed right
 * after the lesson in its section (later items shift down, no two share an order), in one
 * transaction, and answers where to edit it; the quiz editor's AI modal takes it from there.
 *
 * In: lesson_id. Out: {quiz_id, edit_url}.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Assets\BrowserConfig;
use CoursesCopilot\Courses\CourseOutline;
use CoursesCopilot\Courses\LessonPlacement;
use CoursesCopilot\Courses\PostTypes;
use CoursesCopilot\Courses\Transaction;

final class CreateQuizFromLesson {

	public const ACTION = 'mpcc_create_quiz_from_lesson';

	public static function handle(): void {
		Runner::run( BrowserConfig::NONCE_QUIZ, array( self::class, 'run' ) );
	}

	/** @return array<string, mixed> */
	public static function run(): array {
		$lesson_id = Request::int( 'lesson_id' );
		if ( $lesson_id <= 0 ) {
			throw AjaxError::invalid_parameter();
		}
		Guard::can( 'edit_post', $lesson_id );
		Guard::can_create( PostTypes::QUIZ );
		$lesson  = Owned::post( $lesson_id, array( PostTypes::LESSON ) );
		// The quiz goes into the lesson's course, and the course's other items are renumbered: its editors' call.
		$section = CourseOutline::section( CourseOutline::section_id( $lesson->ID ) );
		if ( null !== $section ) {
			Guard::can( 'edit_post', $section['course_id'] );
		}
		$user_id = get_current_user_id();
		try {
			$quiz_id = Transaction::run(
				static function ( Transaction $transaction ) use ( $lesson, $user_id ): int {
					$quiz_id = wp_insert_post(
						wp_slash(
							array(
								'post_type'   => PostTypes::QUIZ,
								'post_status' => 'draft',
								'post_author' => $user_id,
								/* translators: %s: the lesson's title */
								'post_title'  => sprintf( __( 'Quiz: %s', 'courses-copilot' ), $lesson->post_title ),
							)
						),
						true
					);
					if ( is_wp_error( $quiz_id ) || 0 === (int) $quiz_id ) {
						throw new \RuntimeException( 'inserting the quiz failed' );
					}
					$transaction->created_post( (int) $quiz_id );
					LessonPlacement::insert_after( $lesson->ID, (int) $quiz_id );
					return (int) $quiz_id;
				}
			);
		} catch ( \Throwable $failure ) {
			error_log( 'Courses Copilot: creating a quiz failed and was rolled back: ' . $failure->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
			throw AjaxError::database_error();
		}
		return array( 'quiz_id' => $quiz_id, 'edit_url' => admin_url( 'post.php?post=' . $quiz_id . '&action=edit' ) );
	}
}
