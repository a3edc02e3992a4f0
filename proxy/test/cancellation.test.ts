import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cancellation } from '../cancellation';

describe( 'cancellation', () => {
	it( 'runs each listener once, in order, with the first reason; later cancels change nothing', () => {
		const c = new Cancellation();
		const heard: string[] = [];
		c.onCancel( ( reason ) => heard.push( `a:${ reason.message }` ) );
		c.onCancel( ( reason ) => heard.push( `b:${ reason.message }` ) );
		assert.equal( c.cancelled, false );
		c.cancel( new Error( 'deadline' ) );
		c.cancel( new Error( 'client left' ) );
		assert.deepEqual( heard, [ 'a:deadline', 'b:deadline' ] );
		assert.equal( c.reason?.message, 'deadline' );
	} );

	it( 'a listener added after the cancel runs right away; a removed one never runs', () => {
		const c = new Cancellation();
		const heard: string[] = [];
		const removed = () => heard.push( 'removed' );
		c.onCancel( removed );
		c.offCancel( removed );
		c.cancel( new Error( 'gone' ) );
		c.onCancel( ( reason ) => heard.push( `late:${ reason.message }` ) );
		assert.deepEqual( heard, [ 'late:gone' ] );
	} );

	it( 'its AbortSignal follows it, whether asked for before or after the cancel', () => {
		const before = new Cancellation();
		const signal = before.signal;
		assert.equal( signal.aborted, false );
		const reason = new Error( 'deadline' );
		before.cancel( reason );
		assert.equal( signal.aborted, true );
		assert.equal( signal.reason, reason );

		const after = new Cancellation();
		after.cancel( reason );
		assert.equal( after.signal.aborted, true );
		assert.equal( after.signal.reason, reason );
	} );

	it( 'sleep resolves after its time, or rejects with the reason as soon as it is cancelled', async () => {
		const c = new Cancellation();
		await c.sleep( 5 );
		const sleeping = c.sleep( 10_000 );
		setTimeout( () => c.cancel( new Error( 'client left' ) ), 10 );
		await assert.rejects( sleeping, /client left/ );
		await assert.rejects( c.sleep( 1 ), /client left/ );
	} );
} );
