<?php
/**
 * Ownership, the last check: a session is found only among the current user's, and anything else
 * (another user's, deleted, never existed) is the same 404, so nothing reveals that it exists.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

use CoursesCopilot\Sessions\Session;
use CoursesCopilot\Sessions\SessionRepository;

final class Owned {

	public static function session( SessionRepository $sessions, string $session_id ): Session {
		$session = '' === $session_id ? null : $sessions->find( $session_id );
		if ( null === $session ) {
			throw DomainError::not_found();
		}
		return $session;
	}

	/** A post of one of the given types, or 404. */
	public static function post( int $post_id, array $post_types ): \WP_Post {
		$post = $post_id > 0 ? get_post( $post_id ) : null;
		if ( ! $post instanceof \WP_Post || ! in_array( $post->post_type, $post_types, true ) || 'trash' === $post->post_status ) {
			throw DomainError::not_found();
		}
		return $post;
	}
}
