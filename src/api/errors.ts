import { ERROR_STATUS, isErrorCode, type ErrorCode } from '../schemas/errors';

/**
 * Codes the browser adds to the server codes (docs/contracts.md "Error codes"): the network is gone, the user stopped
 * the request, or the reply could not be read.
 */
export const CLIENT_ERROR_CODES = {
	offline: 'mpcc_offline',
	aborted: 'mpcc_aborted',
	badResponse: 'mpcc_bad_response',
} as const;

export type ClientErrorCode =
	( typeof CLIENT_ERROR_CODES )[ keyof typeof CLIENT_ERROR_CODES ];
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** A plain, serializable error as kept in store state. */
export interface ErrorInfo {
	code: ApiErrorCode;
	/** Translated, from src/api/error-messages.ts. */
	message: string;
	/** HTTP status, 0 when there was no reply. */
	status: number;
	retryAfter?: number;
	suggestion?: string;
	/** The bridge's field errors of a refused request ("sections.1.lessons.2.title: …"). */
	fields?: string[];
}

export class ApiError extends Error {
	readonly code: ApiErrorCode;
	readonly status: number;
	/** The rest of the reply's `data` (retry_after, suggestion, server_session …). */
	readonly data: Record< string, unknown >;

	constructor(
		code: ApiErrorCode,
		message: string,
		status = 0,
		data: Record< string, unknown > = {}
	) {
		super( message );
		this.name = 'ApiError';
		this.code = code;
		this.status = status;
		this.data = data;
	}
}

export function isApiError( error: unknown ): error is ApiError {
	return (
		error instanceof ApiError ||
		( typeof error === 'object' &&
			error !== null &&
			( error as { name?: unknown } ).name === 'ApiError' &&
			typeof ( error as { code?: unknown } ).code === 'string' )
	);
}

/** Status → code, for replies that carry no (known) code: admin-ajax's bare "0" / "-1", proxies, HTML error pages. */
export function codeForStatus( status: number ): ApiErrorCode {
	switch ( status ) {
		case 401:
			return 'mpcc_not_logged_in';
		case 403:
			return 'mpcc_forbidden';
		case 404:
			return 'mpcc_not_found';
		case 400:
			return 'mpcc_invalid_parameter';
		case 409:
			return 'mpcc_conflict';
		case 413:
			return 'mpcc_payload_too_large';
		case 422:
			return 'mpcc_content_too_short';
		case 429:
			return 'mpcc_rate_limited';
		case 502:
		case 503:
		case 504:
			return 'mpcc_ai_service_error';
		default:
			return status >= 500
				? 'mpcc_general'
				: CLIENT_ERROR_CODES.badResponse;
	}
}

export function normalizeCode( code: unknown, status: number ): ApiErrorCode {
	if ( isErrorCode( code ) ) {
		return code;
	}
	if (
		Object.values( CLIENT_ERROR_CODES ).includes( code as ClientErrorCode )
	) {
		return code as ClientErrorCode;
	}
	return codeForStatus( status );
}

/** The user's login or nonce is gone: only a reload helps. */
export function isSessionExpiredCode( code: ApiErrorCode ): boolean {
	return code === 'mpcc_invalid_nonce' || code === 'mpcc_not_logged_in';
}

/** Worth retrying later without the user changing anything. */
export function isRetryableCode( code: ApiErrorCode ): boolean {
	return (
		code === CLIENT_ERROR_CODES.offline ||
		code === 'mpcc_rate_limited' ||
		code === 'mpcc_ai_service_error' ||
		code === 'mpcc_database_error' ||
		code === 'mpcc_general' ||
		code === CLIENT_ERROR_CODES.badResponse
	);
}

export function statusForCode( code: ApiErrorCode ): number {
	return isErrorCode( code ) ? ERROR_STATUS[ code ] : 0;
}
