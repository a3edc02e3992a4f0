import { createHash } from 'node:crypto';

/**
 * Exact-match cache key: a hash of everything that can change an answer. Adding a field here is
 * enough to make it part of the key, because the parts are serialized canonically (sorted keys).
 */
export interface CacheKeyParts {
	route: string;
	provider: string;
	baseUrl: string;
	model: string;
	/** Every generation parameter (temperature, max tokens, top_p, stop, JSON mode, …). */
	params: Record< string, unknown >;
	schemaVersion: string;
	promptVersion: string;
	/** The exact prompt sent: system text and messages. */
	messages: unknown;
}

export function canonicalJson( value: unknown ): string {
	if ( value === null || typeof value !== 'object' ) {
		return JSON.stringify( value ) ?? 'null';
	}
	if ( Array.isArray( value ) ) {
		return `[${ value.map( ( item ) => ( item === undefined ? 'null' : canonicalJson( item ) ) ).join( ',' ) }]`;
	}
	const entries = Object.entries( value as Record< string, unknown > )
		.filter( ( [ , v ] ) => v !== undefined )
		// Code-unit order, like a plain sort of the keys: deterministic and locale-independent.
		.sort( ( [ a ], [ b ] ) => Number( a > b ) - Number( a < b ) );
	return `{${ entries.map( ( [ k, v ] ) => `${ JSON.stringify( k ) }:${ canonicalJson( v ) }` ).join( ',' ) }}`;
}

export function cacheKey( parts: CacheKeyParts ): string {
	return createHash( 'sha256' )
		.update( canonicalJson( parts ) )
		.digest( 'base64url' );
}
