import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InflightRegistry } from '../inflight';
import { MemoryCacheStore } from '../cache-store';

describe( 'in-flight sharing', () => {
	it( 'identical concurrent work runs once; the others are told they shared it', async () => {
		const registry = new InflightRegistry();
		let runs = 0;
		const work = async () => {
			runs++;
			await new Promise( ( resolve ) => setTimeout( resolve, 20 ) );
			return 'answer';
		};
		const signal = new AbortController().signal;
		const results = await Promise.all(
			[ 1, 2, 3 ].map( () => registry.run( 'k', signal, work ) )
		);
		assert.equal( runs, 1 );
		assert.deepEqual(
			results.map( ( r ) => r.shared ),
			[ false, true, true ]
		);
		assert.equal( registry.size, 0 );
	} );

	it( 'the shared call is cancelled only when every waiter has gone', async () => {
		const registry = new InflightRegistry();
		let sharedSignal: AbortSignal | undefined;
		const work = ( signal: AbortSignal ) =>
			new Promise< string >( ( resolve, reject ) => {
				sharedSignal = signal;
				signal.addEventListener( 'abort', () =>
					reject( new Error( 'cancelled' ) )
				);
			} );
		const a = new AbortController();
		const b = new AbortController();
		const first = registry.run( 'k', a.signal, work );
		const second = registry.run( 'k', b.signal, work );
		a.abort();
		await assert.rejects( first );
		assert.equal( sharedSignal?.aborted, false );
		b.abort();
		await assert.rejects( second );
		assert.equal( sharedSignal?.aborted, true );
	} );
} );

describe( 'memory cache store', () => {
	it( 'expires entries after their TTL and evicts the least recently used beyond the bound', async () => {
		const store = new MemoryCacheStore( 2 );
		await store.set( 'a', '1', 20 );
		assert.equal( await store.get( 'a' ), '1' );
		await new Promise( ( resolve ) => setTimeout( resolve, 30 ) );
		assert.equal( await store.get( 'a' ), undefined );
		await store.set( 'x', '1', 1000 );
		await store.set( 'y', '2', 1000 );
		await store.get( 'x' );
		await store.set( 'z', '3', 1000 );
		assert.equal( await store.get( 'y' ), undefined );
		assert.equal( await store.get( 'x' ), '1' );
	} );
} );
