import { ProxyError } from '../errors';

/** Turns a failed provider HTTP status into the error the proxy's client sees. */
export function errorForUpstreamStatus(
	status: number,
	detail: string,
	retryAfterMs?: number
): ProxyError {
	const retryAfter =
		retryAfterMs === undefined ? undefined : retryAfterMs / 1000;
	const message = `provider answered ${ status }${ detail ? `: ${ detail.slice( 0, 300 ) }` : '' }`;
	if ( status === 429 ) {
		return new ProxyError( 'rate_limited', message, {
			retryAfter: retryAfter ?? 1,
		} );
	}
	if ( status === 503 || status === 529 ) {
		return new ProxyError( 'upstream_unavailable', message, {
			retryAfter,
		} );
	}
	if ( status === 504 ) {
		return new ProxyError( 'upstream_timeout', message );
	}
	return new ProxyError( 'upstream_error', message );
}

const UNAVAILABLE_CODES = new Set( [
	'ECONNREFUSED',
	'ECONNRESET',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EPIPE',
] );

/** Network failures before any answer: connection refused/reset are retryable, the rest is final. */
export function errorForNetworkFailure( error: unknown ): ProxyError {
	const code = ( error as { code?: string } | undefined )?.code ?? '';
	if ( UNAVAILABLE_CODES.has( code ) ) {
		return new ProxyError(
			'upstream_unavailable',
			`provider unreachable (${ code })`,
			{ cause: error }
		);
	}
	return new ProxyError(
		'upstream_error',
		`provider request failed: ${ ( error as Error ).message }`,
		{ cause: error }
	);
}

export function isRetryableNetworkError( error: unknown ): boolean {
	const code = ( error as { code?: string } | undefined )?.code ?? '';
	return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE';
}

/** Extracts a short human message from an error body (OpenAI and Anthropic both nest it in `error`). */
export function upstreamErrorDetail( body: string ): string {
	try {
		const parsed = JSON.parse( body ) as {
			error?: { message?: string } | string;
			message?: string;
		};
		if ( typeof parsed.error === 'string' ) {
			return parsed.error;
		}
		return parsed.error?.message ?? parsed.message ?? '';
	} catch {
		return body.slice( 0, 200 );
	}
}
