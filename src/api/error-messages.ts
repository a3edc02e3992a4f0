import { __, sprintf } from '@wordpress/i18n';
import {
	ApiError,
	CLIENT_ERROR_CODES,
	isApiError,
	type ApiErrorCode,
	type ErrorInfo,
} from './errors';
import { describeFieldErrors } from './field-errors';

/**
 * The one place where error codes become words. Every code has a message and a next step;
 * `recovery` tells the UI which button to offer.
 */
export type Recovery = 'reload' | 'retry' | 'wait' | 'edit' | 'none';

export interface ErrorDescription {
	message: string;
	nextStep: string;
	recovery: Recovery;
}

export function describeError(
	code: ApiErrorCode,
	retryAfter?: number
): ErrorDescription {
	switch ( code ) {
		case 'mpcc_invalid_nonce':
			return {
				message: __( 'Your session expired.', 'courses-copilot' ),
				nextStep: __(
					'Reload the page to continue. Your unsaved work is kept on this device.',
					'courses-copilot'
				),
				recovery: 'reload',
			};
		case 'mpcc_not_logged_in':
			return {
				message: __( 'You are logged out.', 'courses-copilot' ),
				nextStep: __(
					'Log in again in another tab, then reload this page. Your unsaved work is kept on this device.',
					'courses-copilot'
				),
				recovery: 'reload',
			};
		case 'mpcc_forbidden':
			return {
				message: __(
					'You are not allowed to do that.',
					'courses-copilot'
				),
				nextStep: __(
					'Ask a site administrator for access.',
					'courses-copilot'
				),
				recovery: 'none',
			};
		case 'mpcc_not_found':
			return {
				message: __(
					'That conversation could not be found.',
					'courses-copilot'
				),
				nextStep: __(
					'It may have been deleted. Start a new conversation.',
					'courses-copilot'
				),
				recovery: 'none',
			};
		case 'mpcc_invalid_parameter':
			return {
				message: __( 'The request was not valid.', 'courses-copilot' ),
				nextStep: __(
					'Check what you entered and try again.',
					'courses-copilot'
				),
				recovery: 'edit',
			};
		case 'mpcc_payload_too_large':
			return {
				message: __( 'This is too large to send.', 'courses-copilot' ),
				nextStep: __(
					'Shorten the text or split the course into smaller parts.',
					'courses-copilot'
				),
				recovery: 'edit',
			};
		case 'mpcc_conflict':
			return {
				message: __(
					'This conversation was changed somewhere else.',
					'courses-copilot'
				),
				nextStep: __(
					'Keep your version or use the saved one.',
					'courses-copilot'
				),
				recovery: 'none',
			};
		case 'mpcc_session_bound_to_post':
			return {
				message: __(
					'This conversation belongs to a post’s assistant.',
					'courses-copilot'
				),
				nextStep: __(
					'Open that post to continue it, or start a new conversation here.',
					'courses-copilot'
				),
				recovery: 'none',
			};
		case 'mpcc_content_too_short':
			return {
				message: __(
					'There is not enough content to work with.',
					'courses-copilot'
				),
				nextStep: __(
					'Add more text to the lesson, or paste content to use.',
					'courses-copilot'
				),
				recovery: 'edit',
			};
		case 'mpcc_rate_limited':
			return {
				message: __(
					'Too many requests right now.',
					'courses-copilot'
				),
				nextStep: retryAfter
					? sprintf(
							/* translators: %d: seconds to wait */
							__( 'Try again in %d seconds.', 'courses-copilot' ),
							retryAfter
						)
					: __( 'Wait a moment and try again.', 'courses-copilot' ),
				recovery: 'wait',
			};
		case 'mpcc_ai_service_error':
			return {
				message: __(
					'The AI service is not answering.',
					'courses-copilot'
				),
				nextStep: __( 'Try again in a moment.', 'courses-copilot' ),
				recovery: 'retry',
			};
		case 'mpcc_ai_refused':
			return {
				message: __(
					'The AI declined this request.',
					'courses-copilot'
				),
				nextStep: __(
					'Rephrase the request or change the content, then try again.',
					'courses-copilot'
				),
				recovery: 'edit',
			};
		case 'mpcc_ai_output_truncated':
			return {
				message: __(
					'The answer was cut off before it was complete.',
					'courses-copilot'
				),
				nextStep: __(
					'Ask for less at once (fewer questions, a shorter lesson), then try again.',
					'courses-copilot'
				),
				recovery: 'edit',
			};
		case 'mpcc_database_error':
			return {
				message: __(
					'The site could not save this.',
					'courses-copilot'
				),
				nextStep: __(
					'Try again. Your work is kept on this device meanwhile.',
					'courses-copilot'
				),
				recovery: 'retry',
			};
		case CLIENT_ERROR_CODES.offline:
			return {
				message: __(
					'Offline — kept on this device.',
					'courses-copilot'
				),
				nextStep: __(
					'Changes will be saved when the connection returns.',
					'courses-copilot'
				),
				recovery: 'retry',
			};
		case CLIENT_ERROR_CODES.aborted:
			return {
				message: __( 'Stopped.', 'courses-copilot' ),
				nextStep: __(
					'Send the message again to get a new answer.',
					'courses-copilot'
				),
				recovery: 'retry',
			};
		case CLIENT_ERROR_CODES.badResponse:
			return {
				message: __(
					'The reply from the site could not be read.',
					'courses-copilot'
				),
				nextStep: __(
					'Try again. If it keeps happening, a plugin may be interfering.',
					'courses-copilot'
				),
				recovery: 'retry',
			};
		case 'mpcc_general':
		default:
			return {
				message: __( 'Something went wrong.', 'courses-copilot' ),
				nextStep: __( 'Try again.', 'courses-copilot' ),
				recovery: 'retry',
			};
	}
}

/** Any thrown thing → the serializable error kept in the store. */
export function toErrorInfo( error: unknown ): ErrorInfo {
	const apiError = isApiError( error )
		? error
		: new ApiError(
				'mpcc_general',
				error instanceof Error ? error.message : String( error )
			);
	const retryAfter =
		typeof apiError.data.retry_after === 'number'
			? apiError.data.retry_after
			: undefined;
	const info: ErrorInfo = {
		code: apiError.code,
		message: describeError( apiError.code, retryAfter ).message,
		status: apiError.status,
	};
	if ( retryAfter !== undefined ) {
		info.retryAfter = retryAfter;
	}
	if ( typeof apiError.data.suggestion === 'string' ) {
		info.suggestion = apiError.data.suggestion;
	}
	// A refusal is shown in the model's own words: "declined" alone does not say why.
	if (
		apiError.code === 'mpcc_ai_refused' &&
		typeof apiError.data.model_text === 'string' &&
		apiError.data.model_text
	) {
		info.message = sprintf(
			/* translators: %s: the AI model's own words explaining why it declined */
			__( 'The AI declined this request: “%s”', 'courses-copilot' ),
			apiError.data.model_text
		);
	}
	// A refusal that names its fields says which item and why, never a bare "not valid".
	const fields = describeFieldErrors( apiError.data.errors );
	if ( fields ) {
		info.message = fields;
		info.fields = ( apiError.data.errors as unknown[] ).filter(
			( e ): e is string => typeof e === 'string'
		);
	}
	return info;
}
