/**
 * One request lifecycle for both stores (`mpcc/session`, `mpcc/quiz`): start → (streaming) → done,
 * or a failure as translated error info, or a reset when the user pressed Stop. Each store says how a
 * status lands in its state (a `RequestReporter`); what a request does stays in its action.
 */
import {
	CLIENT_ERROR_CODES,
	isSessionExpiredCode,
	type ErrorInfo,
} from '../api/errors';
import { toErrorInfo } from '../api/error-messages';

export type TrackedStatus = 'init' | 'requesting' | 'streaming' | 'done';

export interface RequestReporter {
	status: ( status: TrackedStatus ) => void;
	failure: ( error: ErrorInfo ) => void;
	/** The nonce or login expired: the store stops saving / asks for a reload. */
	expired: () => void;
}

export interface RequestTracker {
	start: () => void;
	streaming: () => void;
	succeed: () => void;
	reset: () => void;
	fail: ( error: unknown ) => ErrorInfo;
}

export function createRequestTracker(
	reporter: RequestReporter
): RequestTracker {
	return {
		start: () => reporter.status( 'requesting' ),
		streaming: () => reporter.status( 'streaming' ),
		succeed: () => reporter.status( 'done' ),
		reset: () => reporter.status( 'init' ),
		fail: ( error ) => {
			const info = toErrorInfo( error );
			reporter.failure( info );
			if ( isSessionExpiredCode( info.code ) ) {
				reporter.expired();
			}
			return info;
		},
	};
}

/** The user pressed Stop: `SSEClient.close()` rejects with `mpcc_aborted`. */
export function isAborted( error: unknown ): boolean {
	return toErrorInfo( error ).code === CLIENT_ERROR_CODES.aborted;
}

/**
 * Runs `work` as one tracked request: started here, succeeded by `work` itself (it knows whether its
 * answer still applies), failed here on a throw, which resolves to `fallback` (thunks never throw).
 */
export async function tracked< T >(
	tracker: RequestTracker,
	fallback: T,
	work: () => Promise< T >
): Promise< T > {
	tracker.start();
	try {
		return await work();
	} catch ( error ) {
		tracker.fail( error );
		return fallback;
	}
}

/**
 * A request that ended by a throw: Stop (`mpcc_aborted`) resets it and runs `onStop`; anything else
 * fails it with its error.
 */
export async function endRequest(
	tracker: RequestTracker,
	error: unknown,
	onStop?: () => Promise< void > | void
): Promise< void > {
	if ( isAborted( error ) ) {
		tracker.reset();
		await onStop?.();
	} else {
		tracker.fail( error );
	}
}
