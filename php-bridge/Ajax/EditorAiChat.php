<?php
/**
 * mpcc_editor_ai_chat: the assistant sidebar in the block editor of a course or lesson. The live
 * editor context comes from the browser; the course outline around the post from the server. The
 * exchange is kept in a session bound to the post (metadata post_id), which mpcc_list_sessions
 * with post_id finds again.
 *
 * In: post_id, post_type, message, session_id?, context (JSON {title, content, excerpt?, selected_block?}), stream?.
 * Out: {message, suggestions[], context, session_id, revision, demo}. Streamed, the post's first
 * conversation is named in a `session` event {session_id, title, revision} before the model answers.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

use CoursesCopilot\Courses\EditorContext;
use CoursesCopilot\Courses\PostTypes;
use CoursesCopilot\Proxy\ProviderInfo;
use CoursesCopilot\Proxy\ProxyClient;
use CoursesCopilot\Proxy\TaskCall;
use CoursesCopilot\Sessions\History;
use CoursesCopilot\Sessions\Session;
use CoursesCopilot\Sessions\SessionRepository;
use CoursesCopilot\Validation\EditorContextShape;
use CoursesCopilot\Validation\ModelOutput;
use CoursesCopilot\Validation\SuggestionShape;
use CoursesCopilot\Validation\TaskResponseShape;

final class EditorAiChat {

	public const MAX_CONTEXT  = 524288;
	private const POST_TYPES = array( PostTypes::COURSE, PostTypes::LESSON );

	/** @return array<string, mixed>|\Closure */
	public static function run( Permission $permission ): array|\Closure {
		$post_id   = Request::int( 'post_id' );
		$post_type = Request::text( 'post_type', 40 );
		if ( $post_id <= 0 || ! in_array( $post_type, self::POST_TYPES, true ) ) {
			throw DomainError::invalid_parameter();
		}
		$message    = Request::message();
		$session_id = Request::session_id();
		$live       = Request::json( 'context', self::MAX_CONTEXT ) ?? new \stdClass();
		if ( ! $live instanceof \stdClass ) {
			throw DomainError::invalid_parameter();
		}
		$shape = EditorContextShape::validate( $live );
		if ( ! $shape->ok() ) {
			throw new DomainError( 'mpcc_invalid_parameter', __( 'The editor context is not in the expected shape.', 'courses-copilot' ), array( 'errors' => array_slice( $shape->errors, 0, 10 ) ) );
		}
		JsonInput::refuse_unknown_keys( 'context', $live, $shape );
		$live   = json_decode( (string) wp_json_encode( $live ), true );
		$stream = Request::flag( 'stream' );
		$permission->check( $post_id );
		$post = Owned::post( $post_id, array( $post_type ) );

		$sessions = new SessionRepository( get_current_user_id() );
		if ( '' === $session_id ) {
			$session = $sessions->make( self::title_for( $post, is_array( $live ) ? $live : array() ), array( 'post_id' => $post_id ) );
		} else {
			$session = Owned::session( $sessions, $session_id );
			if ( $session->post_id() !== $post_id ) {
				throw DomainError::not_found(); // A session of another post is not this post's session.
			}
		}
		$turn    = TurnStart::for_message( $sessions, $session, $message, $stream );
		$session = $turn->session;
		$context = EditorContext::build( $post, is_array( $live ) ? $live : array() );
		$body    = array( 'message' => $message, 'history' => History::for_proxy( $session ), 'post' => $context );
		$finish  = static fn( mixed $response ): array => self::finish( $sessions, $session, $message, $context, $response );
		return TaskCall::answer( $stream, ProxyClient::EDITOR_ASSIST, $body, self::stream_event( ... ), $finish, $turn->unchanged(), $turn->opening );
	}

	/**
	 * The conversation's title: the post's title as being edited, else as saved; a new post's
	 * placeholder ("Auto Draft") is not a title.
	 *
	 * @param array<string, mixed> $live
	 */
	private static function title_for( \WP_Post $post, array $live ): string {
		$title = trim( (string) ( $live['title'] ?? '' ) );
		if ( '' === $title && 'auto-draft' !== $post->post_status ) {
			$title = trim( $post->post_title );
		}
		if ( '' !== $title ) {
			return $title;
		}
		return PostTypes::COURSE === $post->post_type ? __( 'Untitled course', 'courses-copilot' ) : __( 'Untitled lesson', 'courses-copilot' );
	}

	public static function stream_event( string $event, mixed $data ): ?array {
		if ( 'suggestions' === $event && is_object( $data ) && is_array( $data->suggestions ?? null ) ) {
			return array( 'suggestions' => self::clean_suggestions( $data->suggestions ) );
		}
		return null;
	}

	/**
	 * @param array<int, mixed> $suggestions
	 * @return array<int, array<string, mixed>>
	 */
	private static function clean_suggestions( array $suggestions ): array {
		return array_map( ModelOutput::suggestion( ... ), TaskCall::valid_items( $suggestions, 10, SuggestionShape::check( ... ) ) );
	}

	/**
	 * @param array<string, mixed> $context
	 * @return array<string, mixed>
	 */
	private static function finish( SessionRepository $sessions, Session $session, string $message, array $context, mixed $response ): array {
		list( $suggestions, $rest ) = TaskCall::take_list( $response, 'suggestions', self::clean_suggestions( ... ) );
		$answer                     = TaskCall::valid( TaskResponseShape::editor_assist( $rest ), 'editor-assist' );
		$reply                      = ModelOutput::message( (string) $answer['message'] );
		$demo                       = (bool) $answer['demo'];
		ProviderInfo::observe_reply( $demo );
		$session->add_message( History::user_message( $message ) );
		$session->add_message( History::assistant_message( $reply, $demo, array( 'suggestions' => $suggestions ) ) );
		$session = SessionSaver::store( $sessions, $session );
		unset( $context['content'], $context['selected_block'] ); // The browser has these; it needs what the server added.
		return array(
			'message'     => $reply,
			'suggestions' => $suggestions,
			'context'     => $context,
			'session_id'  => $session->session_id,
			'revision'    => $session->revision,
			'demo'        => $demo,
		);
	}
}
