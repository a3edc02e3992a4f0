<?php
/**
 * The wp_ajax_nopriv_* answer for every action: 401 mpcc_not_logged_in and nothing else, so the
 * browser can ask the user to log in again instead of seeing WordPress' bare "0".
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

final class NotLoggedIn {

	public static function handle(): void {
		Reply::error( DomainError::not_logged_in() );
	}
}
