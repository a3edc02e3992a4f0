<?php
/**
 * mpcc_auto_save_session: the browser's debounced save of the whole session. An empty session_id
 * creates one. `revision` is the revision the browser last saw; if the server has moved on, the
 * save is refused with 409 mpcc_conflict and the server's copy. Renaming is an auto-save with a
 * new title; an empty title keeps the stored one, and no `course_structure` key keeps the stored
 * outline. The outline is saved as a draft (CourseDraftShape): untitled items, empty sections and
 * sections over the creation limit all save. Over 1 MB answers 413, a shape beyond the abuse caps
 * 400; both name the field in `errors` ("course_structure.sections.3.lessons: …"); nothing is
 * stored either way.
 *
 * In: session_id, session_data (JSON {title?, messages, course_structure, conversation_state, ui?, post_id?}), revision.
 * Out: {auto_saved: true, revision, session_id}.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

use CoursesCopilot\Sessions\SessionRepository;
use CoursesCopilot\Validation\ModelOutput;
use CoursesCopilot\Validation\SessionDataShape;

final class AutoSaveSession {

	public const MAX_BYTES = 1048576;

	/** @return array<string, mixed> */
	public static function run( Permission $permission ): array {
		$session_id = Request::session_id();
		if ( ! Request::has( 'session_data' ) ) {
			throw DomainError::invalid_parameter();
		}
		$input  = Request::json( 'session_data', self::MAX_BYTES );
		$result = SessionDataShape::validate( $input );
		if ( ! $result->ok() ) {
			throw new DomainError( 'mpcc_invalid_parameter', __( 'The session could not be saved: it is not in the expected shape.', 'courses-copilot' ), array( 'errors' => array_slice( $result->errors, 0, 10 ) ) );
		}
		JsonInput::refuse_unknown_keys( 'session_data', $input, $result );
		$data     = $result->value;
		$revision = Request::int( 'revision' );
		$permission->check();
		if ( isset( $data['post_id'] ) ) {
			Guard::can( 'edit_post', (int) $data['post_id'] );
		}
		$sessions = new SessionRepository( get_current_user_id() );
		if ( '' === $session_id ) {
			$session = $sessions->make( (string) ( $data['title'] ?? '' ) );
		} else {
			$session = Owned::session( $sessions, $session_id );
			if ( $session->revision !== $revision ) {
				throw DomainError::conflict( $session->to_array() );
			}
		}

		// An empty title is a client that never knew the one the server made from the first message.
		$title = sanitize_text_field( (string) ( $data['title'] ?? '' ) );
		if ( '' !== trim( $title ) ) {
			$session->title = $title;
		}
		$session->messages = array_map( array( ModelOutput::class, 'stored_message' ), $data['messages'] );
		// No outline at all (not even null) keeps the stored one: the browser undid past its first outline.
		if ( array_key_exists( 'course_structure', $data ) ) {
			$session->course_structure = null === $data['course_structure'] ? null : ModelOutput::structure( $data['course_structure'] );
		}
		// Which course was created is the server's to say; the browser cannot undo it.
		$session->state = null !== $session->created_course_id() ? 'created' : (string) $data['conversation_state'];
		if ( array_key_exists( 'ui', $data ) ) {
			$session->ui = (array) $data['ui'];
		}
		if ( array_key_exists( 'post_id', $data ) ) {
			if ( null === $data['post_id'] ) {
				unset( $session->metadata['post_id'] );
			} else {
				$session->metadata['post_id'] = (int) $data['post_id'];
			}
		}
		$session = SessionSaver::store( $sessions, $session );
		return array( 'auto_saved' => true, 'revision' => $session->revision, 'session_id' => $session->session_id );
	}
}
