<?php
/**
 * mpcc_list_sessions: the user's course-design sessions (the course editor's Conversations), newest
 * first, a page at a time; `search` matches titles. With `post_id`, instead the assistant sidebar's
 * session for that post: sidebar sessions belong to their post and are never listed without it.
 *
 * In: page?, per_page? (≤ 50), search?, post_id?. Out: {sessions: [{session_id, title, updated_at,
 * conversation_state, post_id?}], total, page, per_page}.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Sessions\Session;
use CoursesCopilot\Sessions\SessionRepository;

final class ListSessions {

	public const MAX_PER_PAGE = 50;

	/** @return array<string, mixed> */
	public static function run( Permission $permission ): array {
		$page     = max( 1, Request::int( 'page', 1 ) );
		$per_page = min( self::MAX_PER_PAGE, max( 1, Request::int( 'per_page', 20 ) ) );
		$search   = Request::text( 'search', 200 );
		$post_id  = Request::has( 'post_id' ) ? Request::int( 'post_id' ) : null;
		$permission->check();
		$found = ( new SessionRepository( get_current_user_id() ) )->list( $page, $per_page, $search, $post_id );
		return array(
			'sessions' => array_map( static fn( Session $s ): array => $s->summary(), $found['sessions'] ),
			'total'    => $found['total'],
			'page'     => $page,
			'per_page' => $per_page,
		);
	}
}
