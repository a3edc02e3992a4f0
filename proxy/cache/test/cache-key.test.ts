import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cacheKey, canonicalJson, type CacheKeyParts } from '../cache-key';

/** Property: the key is a function of every part, so changing any single field is a miss. */
const json: fc.Arbitrary< unknown > = fc.jsonValue();
const parts: fc.Arbitrary< CacheKeyParts > = fc.record( {
	route: fc.string(),
	provider: fc.constantFrom(
		'openai',
		'anthropic',
		'openai-compatible',
		'demo'
	),
	baseUrl: fc.webUrl(),
	model: fc.string(),
	params: fc.record( {
		temperature: fc.option( fc.double( { min: 0, max: 2, noNaN: true } ), {
			nil: undefined,
		} ),
		max_tokens: fc.option( fc.integer( { min: 1, max: 100_000 } ), {
			nil: undefined,
		} ),
		top_p: fc.option( fc.double( { min: 0, max: 1, noNaN: true } ), {
			nil: undefined,
		} ),
		stop: fc.option( fc.array( fc.string(), { maxLength: 3 } ), {
			nil: undefined,
		} ),
	} ),
	schemaVersion: fc.string(),
	promptVersion: fc.string(),
	messages: fc.array(
		fc.record( {
			role: fc.constantFrom( 'system', 'user', 'assistant' ),
			content: fc.string(),
		} ),
		{ minLength: 1, maxLength: 5 }
	),
} );

const FIELDS = [
	'route',
	'provider',
	'baseUrl',
	'model',
	'params',
	'schemaVersion',
	'promptVersion',
	'messages',
] as const;

describe( 'cache key', () => {
	it( 'is stable: equal parts in any key order give the same key', () => {
		fc.assert(
			fc.property( parts, ( p ) => {
				const reordered = Object.fromEntries(
					Object.entries( p ).reverse()
				) as unknown as CacheKeyParts;
				assert.equal(
					cacheKey( reordered ),
					cacheKey( structuredClone( p ) )
				);
			} )
		);
	} );

	it( 'changing any one field misses', () => {
		fc.assert(
			fc.property(
				parts,
				fc.constantFrom( ...FIELDS ),
				json,
				( p, field, replacement ) => {
					const changed = {
						...p,
						[ field ]: replacement,
					} as CacheKeyParts;
					fc.pre(
						canonicalJson( changed[ field ] ) !==
							canonicalJson( p[ field ] )
					);
					assert.notEqual( cacheKey( changed ), cacheKey( p ) );
				}
			),
			{ numRuns: 500 }
		);
	} );

	it( 'changing one generation parameter or one character of one message misses', () => {
		fc.assert(
			fc.property(
				parts,
				fc.double( { min: 0, max: 2, noNaN: true } ),
				fc.nat(),
				( p, temperature, at ) => {
					fc.pre( p.params.temperature !== temperature );
					assert.notEqual(
						cacheKey( {
							...p,
							params: { ...p.params, temperature },
						} ),
						cacheKey( p )
					);
					const messages = structuredClone( p.messages ) as Array< {
						content: string;
					} >;
					const target = messages[ at % messages.length ] as {
						content: string;
					};
					target.content += 'x';
					assert.notEqual(
						cacheKey( { ...p, messages } ),
						cacheKey( p )
					);
				}
			)
		);
	} );
} );
