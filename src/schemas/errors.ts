/**
 * Error codes shared by the PHP bridge, the proxy and the browser (docs/contracts.md "Error codes").
 * The browser turns them into translated messages in one place (src/api/error-messages.ts).
 */
export const ERROR_STATUS = {
	mpcc_not_logged_in: 401,
	mpcc_invalid_nonce: 403,
	mpcc_forbidden: 403,
	mpcc_not_found: 404,
	mpcc_invalid_parameter: 400,
	mpcc_payload_too_large: 413,
	mpcc_conflict: 409,
	mpcc_session_bound_to_post: 409,
	mpcc_content_too_short: 422,
	mpcc_rate_limited: 429,
	mpcc_ai_service_error: 503,
	/** The model declined the request; the reply carries its words as `model_text`. */
	mpcc_ai_refused: 422,
	/** The model's answer was cut at its output limit, even when asked again with a larger budget. */
	mpcc_ai_output_truncated: 502,
	mpcc_database_error: 500,
	mpcc_general: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys( ERROR_STATUS ) as ErrorCode[];

export function isErrorCode( value: unknown ): value is ErrorCode {
	return typeof value === 'string' && value in ERROR_STATUS;
}
