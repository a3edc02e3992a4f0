<?php
/**
 * Stores a session for a handler: a new one is created, a known one saved at its revision. A save
 * that lost the race answers 409 mpcc_conflict with the server's copy.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

use CoursesCopilot\Sessions\Session;
use CoursesCopilot\Sessions\SessionRepository;
use CoursesCopilot\Sessions\StaleRevision;

final class SessionSaver {

	public static function store( SessionRepository $sessions, Session $session ): Session {
		if ( 0 === $session->revision ) {
			return $sessions->create( $session );
		}
		try {
			return $sessions->save( $session );
		} catch ( StaleRevision $stale ) {
			if ( null === $stale->server_copy ) {
				throw DomainError::not_found();
			}
			throw DomainError::conflict( $stale->server_copy->to_array() );
		}
	}
}
