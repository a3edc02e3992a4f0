<?php
/**
 * A new mpcs-quiz draft placed right after a lesson (LessonPlacement), all in one transaction:
 * "Create quiz" on a lesson and "Create a quiz for this course" both make their quiz here.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Courses;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

final class QuizDraft {

	/** @return int the new quiz's id. @throws DomainError (database_error) after a rollback. */
	public static function create_after( int $lesson_id, string $title, int $author_id ): int {
		try {
			return Transaction::run(
				static function ( Transaction $transaction ) use ( $lesson_id, $title, $author_id ): int {
					$quiz_id = wp_insert_post(
						wp_slash(
							array(
								'post_type'   => PostTypes::QUIZ,
								'post_status' => 'draft',
								'post_author' => $author_id,
								'post_title'  => $title,
							)
						),
						true
					);
					if ( is_wp_error( $quiz_id ) || 0 === (int) $quiz_id ) {
						throw new \RuntimeException( 'inserting the quiz failed' );
					}
					$transaction->created_post( (int) $quiz_id );
					LessonPlacement::insert_after( $lesson_id, (int) $quiz_id );
					return (int) $quiz_id;
				}
			);
		} catch ( \Throwable $failure ) {
			error_log( 'Courses Copilot: creating a quiz failed and was rolled back: ' . $failure->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
			throw DomainError::database_error();
		}
	}

	public static function edit_url( int $quiz_id ): string {
		return admin_url( 'post.php?post=' . $quiz_id . '&action=edit' );
	}
}
