/**
 * Retries a save that failed offline or with a 5xx: 2 s, 4 s, 8 s … up to 60 s (or the server's
 * retry_after), and at once when the browser says it is back online.
 */
import { RETRY_BASE, RETRY_MAX } from '../constants';

export function backoffDelay(
	failures: number,
	retryAfterSeconds?: number
): number {
	const exponential = Math.min(
		RETRY_MAX,
		RETRY_BASE * 2 ** Math.max( 0, failures - 1 )
	);
	return retryAfterSeconds
		? Math.max( exponential, retryAfterSeconds * 1000 )
		: exponential;
}

export function createRetry( saveNow: () => void ) {
	let timer: ReturnType< typeof setTimeout > | null = null;
	let scheduledFor = -1;
	const cancel = () => {
		if ( timer !== null ) {
			clearTimeout( timer );
		}
		timer = null;
		scheduledFor = -1;
	};
	return {
		/** Call on every store change with the save status and failure count. */
		update(
			offline: boolean,
			failures: number,
			retryAfter?: number
		): void {
			if ( ! offline ) {
				cancel();
				return;
			}
			if ( scheduledFor === failures ) {
				return;
			}
			cancel();
			scheduledFor = failures;
			timer = setTimeout(
				() => {
					timer = null;
					saveNow();
				},
				backoffDelay( failures, retryAfter )
			);
		},
		/** The browser is back online: try now. */
		now(): void {
			if ( timer !== null ) {
				cancel();
				saveNow();
			}
		},
		cancel,
	};
}
