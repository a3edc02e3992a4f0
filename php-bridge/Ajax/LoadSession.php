<?php
/**
 * mpcc_load_session: one of the user's sessions, with its lesson drafts.
 *
 * In: session_id. Out: {session: {session_id, title, messages, course_structure, conversation_state,
 * revision, updated_at, ui, post_id?, created_course_id?, lesson_drafts: {lesson_id: content}}}.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Assets\BrowserConfig;
use CoursesCopilot\Sessions\LessonDraftRepository;
use CoursesCopilot\Sessions\SessionRepository;

final class LoadSession {

	public const ACTION = 'mpcc_load_session';

	public static function handle(): void {
		Runner::run( BrowserConfig::NONCE_EDITOR, array( self::class, 'run' ) );
	}

	/** @return array<string, mixed> */
	public static function run(): array {
		$session_id = Request::session_id();
		if ( '' === $session_id ) {
			throw AjaxError::invalid_parameter();
		}
		Guard::can( 'edit_posts' );
		$session                  = Owned::session( new SessionRepository( get_current_user_id() ), $session_id );
		$out                      = $session->to_array();
		$out['lesson_drafts']     = (object) ( new LessonDraftRepository() )->drafts( $session );
		return array( 'session' => $out );
	}
}
