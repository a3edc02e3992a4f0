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
use CoursesCopilot\Proxy\StreamRelay;
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
		$session_id = Request::session_id();
		if ( '' === $session_id ) {
			throw DomainError::invalid_parameter();
		}
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
		$client = ProxyClient::for_current_user();
		$finish = static function ( mixed $response ) use ( $save ): array {
			$result = TaskResponseShape::lesson_content( $response );
			if ( ! $result->ok() ) {
				error_log( 'Courses Copilot: lesson-content answer failed validation: ' . implode( '; ', $result->errors ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
				throw DomainError::ai_service_error();
			}
			return $save( (string) $result->value['content'], (bool) $result->value['demo'] );
		};
		if ( $stream ) {
			return static fn() => StreamRelay::run( $client, ProxyClient::LESSON_CONTENT, $body, array( self::class, 'stream_event' ), $finish );
		}
		return $finish( $client->post( ProxyClient::LESSON_CONTENT, $body ) );
	}

	public static function stream_event( string $event, mixed $data ): ?array {
		if ( 'delta' === $event && is_object( $data ) && is_string( $data->text ?? null ) ) {
			return array( 'text' => $data->text );
		}
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
