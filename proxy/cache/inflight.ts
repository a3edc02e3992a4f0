import { Cancellation } from '../cancellation';

/**
 * Identical requests in flight share one upstream call. The shared call is cancelled only when
 * every waiter has gone (client disconnect or deadline), not when the first one leaves.
 */
interface Entry {
	promise: Promise< unknown >;
	cancellation: Cancellation;
	waiters: number;
}

export class InflightRegistry {
	private readonly entries = new Map< string, Entry >();

	get size(): number {
		return this.entries.size;
	}

	run< T >(
		key: string,
		cancellation: Cancellation,
		work: ( shared: Cancellation ) => Promise< T >
	): Promise< { value: T; shared: boolean } > {
		let entry = this.entries.get( key );
		const shared = Boolean( entry );
		if ( ! entry ) {
			// Its own cancellation: one waiter leaving must not cancel the others' call.
			const ofTheCall = new Cancellation();
			const created: Entry = {
				cancellation: ofTheCall,
				waiters: 0,
				promise: Promise.resolve(),
			};
			created.promise = work( ofTheCall ).finally( () => {
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
			const onCancel = ( reason: Error ) => {
				if ( done ) {
					return;
				}
				done = true;
				current.waiters--;
				if ( current.waiters === 0 ) {
					current.cancellation.cancel( reason );
				}
				reject( reason );
			};
			// Runs right away when this waiter's request is already cancelled.
			cancellation.onCancel( onCancel );
			current.promise.then(
				( value ) => {
					if ( ! done ) {
						done = true;
						cancellation.offCancel( onCancel );
						resolve( { value: value as T, shared } );
					}
				},
				( error: unknown ) => {
					if ( ! done ) {
						done = true;
						cancellation.offCancel( onCancel );
						reject( error );
					}
				}
			);
		} );
	}
}
