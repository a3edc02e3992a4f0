<?php
/**
 * mpcc_chat_message: one turn of designing a course by conversation. Creates the session on the
 * first turn (titled from the message), asks the proxy's course-turn task, and stores the user's
 * message, the reply, the structure and the state. `stream=1` relays the turn as it is written; a new
 * session is then stored first and named in a `session` event {session_id, title, revision}.
 *
 * A session bound to a post (the assistant sidebar's) is refused with mpcc_session_bound_to_post.
 *
 * In: message, session_id?, stream?. Out: {message, course_structure?, session_id, conversation_state, revision, demo}.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

use CoursesCopilot\Proxy\ProviderInfo;
use CoursesCopilot\Proxy\ProxyClient;
use CoursesCopilot\Proxy\TaskCall;
use CoursesCopilot\Sessions\History;
use CoursesCopilot\Sessions\LessonDraftRepository;
use CoursesCopilot\Sessions\Session;
use CoursesCopilot\Sessions\SessionRepository;
use CoursesCopilot\Validation\Checker;
use CoursesCopilot\Validation\CourseShape;
use CoursesCopilot\Validation\ModelOutput;
use CoursesCopilot\Validation\TaskResponseShape;

final class ChatMessage {

	/** @return array<string, mixed>|\Closure */
	public static function run( Permission $permission ): array|\Closure {
		$message    = Request::message();
		$session_id = Request::session_id();
		$stream     = Request::flag( 'stream' );
		$permission->check();
		$sessions = new SessionRepository( get_current_user_id() );
		$session  = '' === $session_id ? $sessions->make( History::title_from( $message ) ) : Owned::session( $sessions, $session_id );
		// A sidebar session is that post's history: course-design turns must not end up in it.
		if ( null !== $session->post_id() ) {
			throw DomainError::session_bound_to_post();
		}
		$turn    = TurnStart::for_message( $sessions, $session, $message, $stream );
		$session = $turn->session;

		$body   = array(
			'message'            => $message,
			'history'            => History::for_proxy( $session ),
			'conversation_state' => $session->state,
			'course_structure'   => $session->course_structure,
		);
		$finish = static fn( mixed $response ): array => self::finish( $sessions, $session, $message, $response );
		return TaskCall::answer( $stream, ProxyClient::COURSE_TURN, $body, self::stream_event( ... ), $finish, $turn->unchanged(), $turn->opening );
	}

	/** What the browser sees of the proxy's intermediate events: text as written, the structure once checked. */
	public static function stream_event( string $event, mixed $data ): ?array {
		if ( 'structure' === $event && is_object( $data ) ) {
			$checker   = new Checker();
			$structure = CourseShape::check( $checker, $data->course_structure ?? null, 'course_structure' );
			if ( ! $checker->ok() || null === $structure ) {
				return null;
			}
			return array(
				'course_structure'   => ModelOutput::structure( $structure ),
				'conversation_state' => is_string( $data->conversation_state ?? null ) ? self::agreed_state( sanitize_key( $data->conversation_state ), $structure ) : null,
			);
		}
		return null;
	}

	/** Checks the proxy's answer, stores the turn, and builds the reply. @return array<string, mixed> */
	private static function finish( SessionRepository $sessions, Session $session, string $message, mixed $response ): array {
		$turn  = TaskCall::valid( TaskResponseShape::course_turn( $response ), 'course-turn' );
		ProviderInfo::observe_reply( (bool) $turn['demo'] );
		$reply = ModelOutput::message( (string) $turn['message'] );
		if ( null !== $turn['course_structure'] ) {
			$session->course_structure = LessonDraftRepository::carry_over( $session->course_structure, ModelOutput::structure( $turn['course_structure'] ) );
		}
		// A course already created stays "created" whatever the model thinks.
		$session->state = null !== $session->created_course_id() ? 'created' : self::agreed_state( (string) $turn['conversation_state'], $session->course_structure );
		$session->add_message( History::user_message( $message ) );
		$session->add_message( History::assistant_message( $reply, (bool) $turn['demo'] ) );
		$session = SessionSaver::store( $sessions, $session );

		$out = array(
			'message'            => $reply,
			'session_id'         => $session->session_id,
			'conversation_state' => $session->state,
			'revision'           => $session->revision,
			'demo'               => (bool) $turn['demo'],
		);
		if ( null !== $session->course_structure ) {
			$out['course_structure'] = $session->course_structure;
		}
		return $out;
	}

	/**
	 * "Ready to create" only with an outline Create course would take (issue 18 item 9): the model
	 * may approve an empty or unfinished outline, and the page would then offer nothing to press.
	 *
	 * @param array<string, mixed>|null $structure
	 */
	private static function agreed_state( string $state, ?array $structure ): string {
		if ( 'ready_to_create' !== $state ) {
			return $state;
		}
		$checked = null === $structure ? null : CourseShape::validate( $structure );
		$ready   = null !== $checked && $checked->ok() && CourseShape::lesson_count( $checked->value ) > 0;
		return $ready ? $state : 'course_structure';
	}
}
