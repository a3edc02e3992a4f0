/**
 * The one error class of the proxy. Everything that fails becomes a ProxyError somewhere and is
 * rendered in one place (app.ts error handler, or an SSE `error` event mid-stream) as
 * OpenAI-shaped `{ error: { type, code, message, retry_after? } }` with a true status.
 */
export const ERROR_KINDS = {
	invalid_request: { status: 400, type: 'invalid_request_error' },
	unauthorized: { status: 401, type: 'authentication_error' },
	not_found: { status: 404, type: 'invalid_request_error' },
	payload_too_large: { status: 413, type: 'invalid_request_error' },
	rate_limited: { status: 429, type: 'rate_limit_error' },
	internal_error: { status: 500, type: 'api_error' },
	upstream_error: { status: 502, type: 'upstream_error' },
	invalid_model_output: { status: 502, type: 'upstream_error' },
	/** The model stopped at its output limit mid-answer, even with a larger budget. */
	output_truncated: { status: 502, type: 'upstream_error' },
	/** The model declined (OpenAI `refusal`, Anthropic `stop_reason: "refusal"`); the message is its text. */
	model_refused: { status: 422, type: 'refusal_error' },
	upstream_unavailable: { status: 503, type: 'upstream_error' },
	upstream_timeout: { status: 504, type: 'timeout_error' },
} as const;

export type ErrorKind = keyof typeof ERROR_KINDS;

export interface ErrorBody {
	error: {
		type: string;
		code: ErrorKind;
		message: string;
		retry_after?: number;
	};
}

export class ProxyError extends Error {
	readonly code: ErrorKind;
	readonly statusCode: number;
	readonly type: string;
	/** Seconds, for 429/503: sent as Retry-After and as `retry_after`. */
	readonly retryAfter?: number;

	constructor(
		code: ErrorKind,
		message: string,
		options: { retryAfter?: number; cause?: unknown } = {}
	) {
		super( message, { cause: options.cause } );
		this.name = 'ProxyError';
		this.code = code;
		this.statusCode = ERROR_KINDS[ code ].status;
		this.type = ERROR_KINDS[ code ].type;
		if ( options.retryAfter !== undefined ) {
			this.retryAfter = Math.max( 1, Math.ceil( options.retryAfter ) );
		}
	}

	toBody(): ErrorBody {
		const body: ErrorBody = {
			error: { type: this.type, code: this.code, message: this.message },
		};
		if ( this.retryAfter !== undefined ) {
			body.error.retry_after = this.retryAfter;
		}
		return body;
	}
}

/** Finds a ProxyError anywhere in an error's cause chain (the AI SDK wraps what our fetch throws). */
export function findProxyError( error: unknown ): ProxyError | undefined {
	let current: unknown = error;
	for ( let depth = 0; depth < 8 && current; depth++ ) {
		if ( current instanceof ProxyError ) {
			return current;
		}
		current = ( current as { cause?: unknown } ).cause;
	}
	return undefined;
}
