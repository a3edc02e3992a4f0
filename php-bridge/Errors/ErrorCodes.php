<?php
/**
 * Every error code and the HTTP status its reply carries (docs/contracts.md "Error codes"). The
 * browser and the proxy read the same table from src/schemas/errors.ts; a PHP test keeps the two equal.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Errors;

defined( 'ABSPATH' ) || exit;

final class ErrorCodes {

	/** @var array<string, int> code => HTTP status */
	public const STATUS = array(
		'mpcc_not_logged_in'         => 401,
		'mpcc_invalid_nonce'         => 403,
		'mpcc_forbidden'             => 403,
		'mpcc_not_found'             => 404,
		'mpcc_invalid_parameter'     => 400,
		'mpcc_payload_too_large'     => 413,
		'mpcc_conflict'              => 409,
		'mpcc_session_bound_to_post' => 409,
		'mpcc_content_too_short'     => 422,
		'mpcc_rate_limited'          => 429,
		'mpcc_ai_service_error'      => 503,
		'mpcc_ai_refused'            => 422,
		'mpcc_ai_output_truncated'   => 502,
		'mpcc_database_error'        => 500,
		'mpcc_general'               => 500,
	);

	/** An unknown code is a bug of ours: answered as a server error. */
	public static function status( string $code ): int {
		return self::STATUS[ $code ] ?? 500;
	}
}
