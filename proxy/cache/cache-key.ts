import { hash } from 'node:crypto';

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
		let out = '[';
		for ( let i = 0; i < value.length; i++ ) {
			const item: unknown = value[ i ];
			out +=
				( i ? ',' : '' ) +
				( item === undefined ? 'null' : canonicalJson( item ) );
		}
		return out + ']';
	}
	const record = value as Record< string, unknown >;
	// Code-unit order (a plain sort of the keys): deterministic and locale-independent.
	const keys = Object.keys( record ).sort();
	let out = '{';
	for ( const key of keys ) {
		const item = record[ key ];
		if ( item !== undefined ) {
			out +=
				( out.length > 1 ? ',' : '' ) +
				JSON.stringify( key ) +
				':' +
				canonicalJson( item );
		}
	}
	return out + '}';
}

export function cacheKey( parts: CacheKeyParts ): string {
	// One-shot hash (no Hash object per request).
	return hash( 'sha256', canonicalJson( parts ), 'base64url' );
}
