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

use CoursesCopilot\Sessions\LessonDraftRepository;
use CoursesCopilot\Sessions\SessionRepository;

final class LoadSession {

	/** @return array<string, mixed> */
	public static function run( Permission $permission ): array {
		$session_id = Request::required_session_id();
		$permission->check();
		$session              = Owned::session( new SessionRepository( get_current_user_id() ), $session_id );
		$out                  = $session->to_array();
		$out['lesson_drafts'] = (object) ( new LessonDraftRepository() )->drafts( $session );
		return array( 'session' => $out );
	}
}
