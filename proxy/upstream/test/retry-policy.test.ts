import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { backoffMs, retryAfterMs, retryDelay } from '../retry-policy';

const config = {
	maxRetries: 3,
	baseDelayMs: 100,
	maxDelayMs: 1_000,
	maxRetryAfterMs: 5_000,
};
const headers = ( values: Record< string, string > ) => ( name: string ) =>
	values[ name ];

describe( 'retry policy', () => {
	it( 'reads retry-after-ms, Retry-After seconds and Retry-After HTTP dates', () => {
		const now = Date.parse( 'Wed, 21 Oct 2015 07:28:00 GMT' );
		assert.equal(
			retryAfterMs( headers( { 'retry-after-ms': '250' } ), now ),
			250
		);
		assert.equal(
			retryAfterMs( headers( { 'retry-after': '3' } ), now ),
			3_000
		);
		assert.equal(
			retryAfterMs(
				headers( { 'retry-after': 'Wed, 21 Oct 2015 07:28:02 GMT' } ),
				now
			),
			2_000
		);
		assert.equal(
			retryAfterMs(
				headers( { 'retry-after': 'Wed, 21 Oct 2015 07:27:00 GMT' } ),
				now
			),
			0
		);
		assert.equal(
			retryAfterMs(
				headers( { 'retry-after-ms': '40', 'retry-after': '9' } ),
				now
			),
			40
		);
		assert.equal(
			retryAfterMs( headers( { 'retry-after': 'soon' } ), now ),
			undefined
		);
		assert.equal( retryAfterMs( headers( {} ), now ), undefined );
	} );

	it( 'full jitter stays within [0, min(cap, base·2^n))', () => {
		fc.assert(
			fc.property(
				fc.integer( { min: 0, max: 20 } ),
				fc.double( { min: 0, max: 0.999999, noNaN: true } ),
				( attempt, r ) => {
					const delay = backoffMs( attempt, config, () => r );
					assert.ok(
						delay >= 0 &&
							delay <
								Math.min(
									config.maxDelayMs,
									config.baseDelayMs * 2 ** attempt
								)
					);
				}
			)
		);
	} );

	it( 'gives up when out of attempts, when the hint is above the cap, or when the deadline is too near', () => {
		assert.equal( retryDelay( 3, undefined, config, 10_000 ), undefined );
		assert.equal( retryDelay( 0, 6_000, config, 60_000 ), undefined );
		assert.equal( retryDelay( 0, 2_000, config, 60_000 ), 2_000 );
		assert.equal( retryDelay( 0, 2_000, config, 1_500 ), undefined );
	} );
} );
