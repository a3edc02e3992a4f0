import { ProxyError } from '../errors';

/**
 * Reading what a provider answered beyond the text: the AI SDK's call errors, refusals (OpenAI
 * `refusal`) and provider errors delivered inside a 200 stream.
 */

/**
 * The shape of the AI SDK's APICallError, checked structurally: importing `ai` for its class would
 * load the whole SDK (≈20 MB of RSS) for one instanceof.
 */
export function isApiCallError( error: unknown ): error is Error & {
	statusCode: number;
	responseHeaders?: Record< string, string >;
	responseBody?: string;
} {
	return (
		error instanceof Error &&
		error.name === 'AI_APICallError' &&
		typeof ( error as { statusCode?: unknown } ).statusCode === 'number'
	);
}

/** The model's refusal text on the OpenAI wire: `choices[0].message.refusal`, or a streamed piece of it (`delta`). */
function refusalIn(
	value: unknown,
	part: 'message' | 'delta'
): string | undefined {
	const choice = ( value as { choices?: Array< Record< string, unknown > > } )
		?.choices?.[ 0 ];
	const refusal = ( choice?.[ part ] as { refusal?: unknown } | undefined )
		?.refusal;
	return typeof refusal === 'string' && refusal ? refusal : undefined;
}

export const refusalOf = ( body: unknown ) => refusalIn( body, 'message' );
export const refusalDeltaOf = ( chunk: unknown ) => refusalIn( chunk, 'delta' );

export function refused( text: string ): ProxyError {
	const said = text.trim().slice( 0, 1_000 );
	return new ProxyError(
		'model_refused',
		said || 'the model declined to answer this request'
	);
}

/**
 * A provider's error delivered inside a 200 stream, as the SDK hands it on (the plain `error`
 * object): Anthropic's `event: error` ({type: "overloaded_error"}), OpenAI's and OpenRouter's
 * `data: {"error": {…}}`. Overloaded and rate-limited keep their meaning.
 */
export function streamErrorOf( error: unknown ): ProxyError | undefined {
	if ( ! error || typeof error !== 'object' || error instanceof Error ) {
		return undefined;
	}
	const { type, code, message } = error as {
		type?: unknown;
		code?: unknown;
		message?: unknown;
	};
	const detail = `provider error in the stream: ${
		typeof message === 'string' ? message.slice( 0, 300 ) : 'unknown'
	}`;
	const kind = `${ String( type ?? '' ) } ${ String( code ?? '' ) }`;
	if ( /overloaded/.test( kind ) ) {
		return new ProxyError( 'upstream_unavailable', detail );
	}
	if ( /rate_limit/.test( kind ) ) {
		return new ProxyError( 'rate_limited', detail );
	}
	return new ProxyError( 'upstream_error', detail );
}
