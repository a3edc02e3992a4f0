<?php
/**
 * mpcc_create_course: the session's course becomes a MemberPress Courses course (draft) with its
 * sections and lessons, in one transaction with the session's move to `created`: all of it or none.
 * Idempotent per session: once created, the same course is returned (a second click, a retry).
 *
 * In: session_id, course_data (JSON course structure). Out: {course_id, sections_created,
 * lessons_created, edit_url, preview_url, revision}.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

use CoursesCopilot\Courses\CourseCreator;
use CoursesCopilot\Courses\PostTypes;
use CoursesCopilot\Courses\Transaction;
use CoursesCopilot\Sessions\LessonDraftRepository;
use CoursesCopilot\Sessions\Session;
use CoursesCopilot\Sessions\SessionRepository;
use CoursesCopilot\Sessions\StaleRevision;
use CoursesCopilot\Validation\CourseShape;
use CoursesCopilot\Validation\ModelOutput;
use CoursesCopilot\Validation\Result;

final class CreateCourse {

	public const MAX_BYTES = 2097152;

	/** @return array<string, mixed> */
	public static function run( Permission $permission ): array {
		$session_id = Request::session_id();
		if ( '' === $session_id || ! Request::has( 'course_data' ) ) {
			throw DomainError::invalid_parameter();
		}
		$input  = Request::json( 'course_data', self::MAX_BYTES );
		$result = CourseShape::validate( $input );
		if ( $result->ok() && 0 === CourseShape::lesson_count( $result->value ) ) {
			// A course needs something to take (issue 14: at least one section and one lesson).
			$result = new Result( null, array( 'sections: expected at least 1 lesson' ) );
		}
		if ( ! $result->ok() ) {
			throw new DomainError( 'mpcc_invalid_parameter', __( 'The course outline is not complete or is too large (at most 50 sections of 50 lessons).', 'courses-copilot' ), array( 'errors' => array_slice( $result->errors, 0, 10 ) ) );
		}
		JsonInput::refuse_unknown_keys( 'course_data', $input, $result );
		$structure = ModelOutput::structure( $result->value );
		$permission->check();
		Guard::can_create( PostTypes::COURSE );
		Guard::can_create( PostTypes::LESSON );
		$user_id  = get_current_user_id();
		$sessions = new SessionRepository( $user_id );
		$session  = Owned::session( $sessions, $session_id );

		$existing = self::already_created( $session );
		if ( null !== $existing ) {
			return $existing;
		}
		$drafts = ( new LessonDraftRepository() )->drafts( $session );
		try {
			$created = Transaction::run(
				static function ( Transaction $transaction ) use ( $structure, $drafts, $user_id, $sessions, $session ): array {
					$counts = ( new CourseCreator( $transaction, $user_id ) )->create( $structure, $drafts );
					// The session's move to "created" commits with the course, or neither does.
					$session->state            = 'created';
					$session->course_structure = $structure;
					$session->metadata         = array_merge( $session->metadata, array( 'created_course_id' => $counts['course_id'], 'sections_created' => $counts['sections_created'], 'lessons_created' => $counts['lessons_created'] ) );
					$counts['revision']        = $sessions->save( $session )->revision;
					return $counts;
				}
			);
		} catch ( StaleRevision $stale ) {
			// Another request saved the session meanwhile: maybe the same click twice, which created the course.
			$again = null === $stale->server_copy ? null : self::already_created( $stale->server_copy );
			if ( null !== $again ) {
				return $again;
			}
			throw DomainError::conflict( null === $stale->server_copy ? array() : $stale->server_copy->to_array() );
		} catch ( DomainError $error ) {
			throw $error;
		} catch ( \Throwable $failure ) {
			error_log( 'Courses Copilot: creating a course failed and was rolled back: ' . $failure->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
			throw DomainError::database_error();
		}
		return self::reply( $created['course_id'], $created['sections_created'], $created['lessons_created'], $created['revision'] );
	}

	/** @return array<string, mixed>|null */
	private static function already_created( Session $session ): ?array {
		$course_id = $session->created_course_id();
		if ( null === $course_id ) {
			return null;
		}
		$course = get_post( $course_id );
		if ( ! $course instanceof \WP_Post || PostTypes::COURSE !== $course->post_type || 'trash' === $course->post_status ) {
			return null; // The course was deleted since: creating it again is what the user wants.
		}
		return self::reply( $course_id, (int) ( $session->metadata['sections_created'] ?? 0 ), (int) ( $session->metadata['lessons_created'] ?? 0 ), $session->revision );
	}

	/** @return array<string, mixed> */
	private static function reply( int $course_id, int $sections, int $lessons, int $revision ): array {
		return array(
			'course_id'        => $course_id,
			'sections_created' => $sections,
			'lessons_created'  => $lessons,
			'edit_url'         => admin_url( 'post.php?post=' . $course_id . '&action=edit' ),
			'preview_url'      => (string) get_preview_post_link( $course_id ),
			'revision'         => $revision,
		);
	}
}
