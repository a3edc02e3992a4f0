<?php
/**
 * The two ways a handler answers (docs/contracts.md "Ajax actions"): `{success:true,data}` or
 * `{success:false,data:{code,message,…}}` with the code's status.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;
use CoursesCopilot\Errors\ErrorCodes;

final class Reply {

	/** @param array<string, mixed> $data */
	public static function success( array $data ): void {
		self::no_cache();
		wp_send_json_success( $data, 200 );
	}

	public static function error( DomainError $error ): void {
		self::no_cache();
		wp_send_json_error( $error->to_data(), ErrorCodes::status( $error->error_code ) );
	}

	private static function no_cache(): void {
		if ( ! headers_sent() ) {
			nocache_headers();
		}
	}
}
