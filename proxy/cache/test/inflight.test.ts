import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cancellation } from '../../cancellation';
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
		const results = await Promise.all(
			[ 1, 2, 3 ].map( () =>
				registry.run( 'k', new Cancellation(), work )
			)
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
		let shared: Cancellation | undefined;
		const work = ( cancellation: Cancellation ) =>
			new Promise< string >( ( resolve, reject ) => {
				shared = cancellation;
				cancellation.onCancel( reject );
			} );
		const a = new Cancellation();
		const b = new Cancellation();
		const first = registry.run( 'k', a, work );
		const second = registry.run( 'k', b, work );
		a.cancel( new Error( 'a left' ) );
		await assert.rejects( first, /a left/ );
		assert.equal( shared?.cancelled, false );
		b.cancel( new Error( 'b left' ) );
		await assert.rejects( second, /b left/ );
		assert.equal( shared?.cancelled, true );
		assert.equal( shared?.reason?.message, 'b left' );
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
