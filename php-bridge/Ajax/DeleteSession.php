<?php
/**
 * mpcc_delete_session: removes one of the user's sessions and its lesson drafts. Courses created
 * from it are the user's content and stay.
 *
 * In: session_id. Out: {deleted: true}.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Sessions\LessonDraftRepository;
use CoursesCopilot\Sessions\SessionRepository;

final class DeleteSession {

	/** @return array<string, mixed> */
	public static function run( Permission $permission ): array {
		$session_id = Request::required_session_id();
		$permission->check();
		$sessions = new SessionRepository( get_current_user_id() );
		$session  = Owned::session( $sessions, $session_id );
		( new LessonDraftRepository() )->delete_for_session( $session->session_id );
		$sessions->delete( $session->session_id );
		return array( 'deleted' => true );
	}
}
