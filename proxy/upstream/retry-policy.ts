import type { RetryConfig } from '../config';

/** Statuses worth another try (529 is Anthropic's "overloaded"). Every other 4xx is final. */
export const RETRYABLE_STATUSES: ReadonlySet< number > = new Set( [
	429, 500, 502, 503, 504, 529,
] );

type HeaderGetter = ( name: string ) => string | null | undefined;

/**
 * How long the provider asked us to wait, in ms: `retry-after-ms` (OpenAI), then `Retry-After`
 * as seconds or as an HTTP date. Undefined when there is no usable hint.
 */
export function retryAfterMs(
	header: HeaderGetter,
	now = Date.now()
): number | undefined {
	const ms = header( 'retry-after-ms' );
	if ( ms ) {
		const value = Number( ms );
		if ( Number.isFinite( value ) && value >= 0 ) {
			return value;
		}
	}
	const raw = header( 'retry-after' )?.trim();
	if ( ! raw ) {
		return undefined;
	}
	if ( /^\d+(\.\d+)?$/.test( raw ) ) {
		return Number( raw ) * 1000;
	}
	const date = Date.parse( raw );
	if ( Number.isNaN( date ) ) {
		return undefined;
	}
	return Math.max( 0, date - now );
}

/** Exponential backoff with full jitter (AWS architecture blog): uniform in [0, min(cap, base·2^n)]. */
export function backoffMs(
	attempt: number,
	config: RetryConfig,
	random: () => number = Math.random
): number {
	const ceiling = Math.min(
		config.maxDelayMs,
		config.baseDelayMs * 2 ** attempt
	);
	return Math.floor( random() * ceiling );
}

/**
 * The wait before retry number `attempt` (0-based), or undefined when we should not retry:
 * out of attempts, the hint is above the cap, or the wait would run past the deadline.
 */
export function retryDelay(
	attempt: number,
	hintMs: number | undefined,
	config: RetryConfig,
	remainingMs: number
): number | undefined {
	if ( attempt >= config.maxRetries ) {
		return undefined;
	}
	if ( hintMs !== undefined && hintMs > config.maxRetryAfterMs ) {
		return undefined;
	}
	const delay = hintMs ?? backoffMs( attempt, config );
	// Leave room for the retried call itself; a retry that cannot finish is worse than the error now.
	if ( delay + 50 >= remainingMs ) {
		return undefined;
	}
	return delay;
}
