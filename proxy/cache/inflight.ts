import { abortReason } from '../call-context';

/**
 * Identical requests in flight share one upstream call. The shared call is cancelled only when
 * every waiter has gone (client disconnect or deadline), not when the first one leaves.
 */
interface Entry {
	promise: Promise< unknown >;
	controller: AbortController;
	waiters: number;
}

export class InflightRegistry {
	private readonly entries = new Map< string, Entry >();

	get size(): number {
		return this.entries.size;
	}

	run< T >(
		key: string,
		signal: AbortSignal,
		work: ( shared: AbortSignal ) => Promise< T >
	): Promise< { value: T; shared: boolean } > {
		let entry = this.entries.get( key );
		const shared = Boolean( entry );
		if ( ! entry ) {
			const controller = new AbortController();
			const created: Entry = {
				controller,
				waiters: 0,
				promise: Promise.resolve(),
			};
			created.promise = work( controller.signal ).finally( () => {
				if ( this.entries.get( key ) === created ) {
					this.entries.delete( key );
				}
			} );
			// A rejection nobody waits for any more must not become an unhandled rejection.
			created.promise.catch( () => undefined );
			this.entries.set( key, created );
			entry = created;
		}
		const current = entry;
		current.waiters++;
		return new Promise( ( resolve, reject ) => {
			let done = false;
			const onAbort = () => {
				if ( done ) {
					return;
				}
				done = true;
				current.waiters--;
				if ( current.waiters === 0 ) {
					current.controller.abort( abortReason( signal ) );
				}
				reject( abortReason( signal ) );
			};
			if ( signal.aborted ) {
				onAbort();
				return;
			}
			signal.addEventListener( 'abort', onAbort, { once: true } );
			current.promise.then(
				( value ) => {
					if ( ! done ) {
						done = true;
						signal.removeEventListener( 'abort', onAbort );
						resolve( { value: value as T, shared } );
					}
				},
				( error: unknown ) => {
					if ( ! done ) {
						done = true;
						signal.removeEventListener( 'abort', onAbort );
						reject( error );
					}
				}
			);
		} );
	}
}
