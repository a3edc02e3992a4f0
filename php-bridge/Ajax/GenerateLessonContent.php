<?php
/**
 * mpcc_generate_lesson_content: writes one lesson of the session's course with the proxy's
 * lesson-content task and keeps it as the lesson's draft, in the session's outline (its one home,
 * see LessonDraftRepository). With `content` instead, stores a hand-edited draft without the model.
 * `draft_saved` is false when the session moved on meanwhile (Stop saves the session, so a stopped
 * draft is never stored; after any other save the browser stores the draft it was given).
 *
 * In: session_id, section_id, lesson_id, instructions?, content?, stream?.
 * Out: {content, draft_saved: true, section_id, lesson_id, demo}.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

use CoursesCopilot\Proxy\ProxyClient;
use CoursesCopilot\Proxy\TaskCall;
use CoursesCopilot\Sessions\LessonDraftRepository;
use CoursesCopilot\Sessions\Session;
use CoursesCopilot\Sessions\SessionRepository;
use CoursesCopilot\Validation\ConversationShape;
use CoursesCopilot\Validation\CourseShape;
use CoursesCopilot\Validation\ModelOutput;
use CoursesCopilot\Validation\TaskResponseShape;

final class GenerateLessonContent {

	/** @return array<string, mixed>|\Closure */
	public static function run( Permission $permission ): array|\Closure {
		$session_id = Request::required_session_id();
		$section_id   = Request::structure_id( 'section_id' );
		$lesson_id    = Request::structure_id( 'lesson_id' );
		$instructions = Request::optional_textarea( 'instructions', ConversationShape::MAX_MESSAGE_LENGTH );
		$edited       = null;
		if ( Request::has( 'content' ) ) {
			$edited = Request::raw( 'content' );
			if ( mb_strlen( $edited ) > CourseShape::MAX_LESSON_CONTENT ) {
				throw DomainError::payload_too_large();
			}
		}
		$stream = Request::flag( 'stream' );
		$permission->check();
		$sessions = new SessionRepository( get_current_user_id() );
		$session  = Owned::session( $sessions, $session_id );
		self::require_lesson( $session, $section_id, $lesson_id );

		$save = static function ( string $content, bool $demo ) use ( $sessions, $session, $section_id, $lesson_id ): array {
			$content = ModelOutput::blocks( $content );
			$saved   = ( new LessonDraftRepository() )->save( $sessions, $session, $lesson_id, $content );
			return array( 'content' => $content, 'draft_saved' => $saved, 'section_id' => $section_id, 'lesson_id' => $lesson_id, 'demo' => $demo );
		};
		if ( null !== $edited ) {
			return $save( $edited, false );
		}

		$body = array( 'course' => $session->course_structure, 'section_id' => $section_id, 'lesson_id' => $lesson_id );
		if ( null !== $instructions && '' !== $instructions ) {
			$body['instructions'] = $instructions;
		}
		$finish = static function ( mixed $response ) use ( $save ): array {
			$lesson = TaskCall::valid( TaskResponseShape::lesson_content( $response ), 'lesson-content' );
			return $save( (string) $lesson['content'], (bool) $lesson['demo'] );
		};
		return TaskCall::answer( $stream, ProxyClient::LESSON_CONTENT, $body, self::stream_event( ... ), $finish );
	}

	public static function stream_event( string $event, mixed $data ): ?array {
		if ( 'content' === $event && is_object( $data ) && is_string( $data->content ?? null ) ) {
			return array( 'content' => ModelOutput::blocks( $data->content ) );
		}
		return null;
	}

	/** 400 when the session's course has no such lesson in that section. */
	private static function require_lesson( Session $session, string $section_id, string $lesson_id ): void {
		foreach ( $session->course_structure['sections'] ?? array() as $section ) {
			foreach ( $section['lessons'] ?? array() as $lesson ) {
				if ( ( $section['id'] ?? null ) === $section_id && ( $lesson['id'] ?? null ) === $lesson_id ) {
					return;
				}
			}
		}
		throw DomainError::invalid_parameter( __( 'That lesson is not in this course outline.', 'courses-copilot' ) );
	}
}
