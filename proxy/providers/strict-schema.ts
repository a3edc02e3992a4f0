/**
 * The strict variant of a task's JSON schema, for providers that enforce a schema while decoding
 * (OpenAI `strict: true`, Anthropic structured output or a forced tool, grammar-based local servers).
 * Strict mode accepts a subset of JSON Schema: every property listed in `required`, optional ones made
 * nullable instead, `additionalProperties: false` on every object, `anyOf` rather than `oneOf`, and no
 * length keywords. Our zod schemas still validate everything afterwards, so dropping `minLength`
 * loses nothing; `nullsToAbsent` turns the nulls of formerly optional fields back into absent keys.
 */
import type { JsonCallOptions } from './types';

type Schema = Record< string, unknown >;

/** Keywords strict decoders refuse or ignore; zod checks them after the answer arrives. */
const DROPPED_KEYWORDS = new Set( [
	'$schema',
	'minLength',
	'maxLength',
	'default',
] );

function isSchema( value: unknown ): value is Schema {
	return !! value && typeof value === 'object' && ! Array.isArray( value );
}

function allowsNull( schema: Schema ): boolean {
	if ( schema.type === 'null' ) {
		return true;
	}
	if ( Array.isArray( schema.type ) && schema.type.includes( 'null' ) ) {
		return true;
	}
	const branches = ( schema.anyOf ?? schema.oneOf ) as unknown;
	return (
		Array.isArray( branches ) &&
		branches.some(
			( branch ) => isSchema( branch ) && allowsNull( branch )
		)
	);
}

function nullable( schema: Schema ): Schema {
	if ( allowsNull( schema ) ) {
		return schema;
	}
	if ( Array.isArray( schema.anyOf ) ) {
		return { ...schema, anyOf: [ ...schema.anyOf, { type: 'null' } ] };
	}
	return { anyOf: [ schema, { type: 'null' } ] };
}

/** The strict variant of a JSON schema (a new object; the input is not changed). */
export function toStrictJsonSchema( schema: Schema ): Schema {
	const out: Schema = {};
	for ( const [ key, value ] of Object.entries( schema ) ) {
		if ( DROPPED_KEYWORDS.has( key ) ) {
			continue;
		}
		if ( key === 'oneOf' || key === 'anyOf' ) {
			out.anyOf = ( value as unknown[] ).map( ( branch ) =>
				isSchema( branch ) ? toStrictJsonSchema( branch ) : branch
			);
		} else if ( key === 'const' ) {
			out.enum = [ value ];
		} else if ( key === 'items' && isSchema( value ) ) {
			out.items = toStrictJsonSchema( value );
		} else if ( key !== 'properties' && key !== 'required' ) {
			out[ key ] = value;
		}
	}
	if ( isSchema( schema.properties ) ) {
		const required = new Set(
			Array.isArray( schema.required )
				? ( schema.required as string[] )
				: []
		);
		const properties: Schema = {};
		for ( const [ name, property ] of Object.entries(
			schema.properties
		) ) {
			const strict = toStrictJsonSchema( property as Schema );
			properties[ name ] = required.has( name )
				? strict
				: nullable( strict );
		}
		out.properties = properties;
		out.required = Object.keys( properties );
		out.additionalProperties = false;
	} else if ( schema.type === 'object' ) {
		out.additionalProperties ??= false;
	}
	return out;
}

/**
 * What a strict answer means in the original schema: a null where the original has an optional,
 * non-nullable property becomes an absent key. Applied to every parsed answer, so the zod schemas stay
 * as they are. Without a null anywhere there is nothing to remove and the answer is returned as it is.
 */
export function nullsToAbsent( value: unknown, schema: Schema ): unknown {
	return containsNull( value ) ? withoutNulls( value, schema ) : value;
}

function containsNull( value: unknown ): boolean {
	if ( value === null ) {
		return true;
	}
	if ( typeof value !== 'object' ) {
		return false;
	}
	if ( Array.isArray( value ) ) {
		return value.some( containsNull );
	}
	for ( const key in value ) {
		if ( containsNull( ( value as Record< string, unknown > )[ key ] ) ) {
			return true;
		}
	}
	return false;
}

function withoutNulls( value: unknown, schema: Schema ): unknown {
	if ( Array.isArray( value ) ) {
		const items = isSchema( schema.items ) ? schema.items : undefined;
		return items
			? value.map( ( item ) => withoutNulls( item, items ) )
			: value;
	}
	if ( ! isSchema( value ) ) {
		return value;
	}
	const fields = fieldsOf( schema );
	if ( ! fields ) {
		return value;
	}
	const out: Record< string, unknown > = {};
	for ( const [ key, field ] of Object.entries( value ) ) {
		const declared = fields.get( key );
		if ( ! declared ) {
			out[ key ] = field;
		} else if ( field !== null || declared.keepsNull ) {
			out[ key ] = withoutNulls( field, declared.schema );
		}
	}
	return out;
}

interface DeclaredField {
	/** The first branch's schema for the field: what its value is read against. */
	schema: Schema;
	/** Required in some branch, or nullable there: a null is the model's answer, not an absent key. */
	keepsNull: boolean;
}

/**
 * `make` run once per schema object, its result kept for the next call: the task schemas are module
 * constants, and both the strict variant and the field table showed in the task route's profile.
 */
function oncePerSchema< T >( make: ( schema: Schema ) => T ) {
	const made = new WeakMap< Schema, T >();
	return ( schema: Schema ): T => {
		if ( ! made.has( schema ) ) {
			made.set( schema, make( schema ) );
		}
		return made.get( schema ) as T;
	};
}

/** An object schema's fields across all its branches (anyOf/oneOf, nested). */
const fieldsOf = oncePerSchema( collectFields );

function collectFields( schema: Schema ): Map< string, DeclaredField > | null {
	const branches = [ schema, ...variants( schema ) ].filter(
		( branch ) => isSchema( branch.properties ) || branch.items
	);
	if ( branches.length === 0 ) {
		return null;
	}
	const fields = new Map< string, DeclaredField >();
	for ( const branch of branches ) {
		for ( const key of Object.keys( branch.properties ?? {} ) ) {
			if ( fields.has( key ) ) {
				continue;
			}
			const declared = branches
				.map( ( b ) => ( b.properties as Schema | undefined )?.[ key ] )
				.filter( isSchema );
			if ( ! declared[ 0 ] ) {
				continue;
			}
			fields.set( key, {
				schema: declared[ 0 ],
				keepsNull: branches.some(
					( b ) =>
						( Array.isArray( b.required ) &&
							b.required.includes( key ) ) ||
						( isSchema( b.properties ) &&
							isSchema( b.properties[ key ] ) &&
							allowsNull( b.properties[ key ] as Schema ) )
				),
			} );
		}
	}
	return fields;
}

function variants( schema: Schema ): Schema[] {
	const branches = ( schema.anyOf ?? schema.oneOf ) as unknown;
	return Array.isArray( branches )
		? branches
				.filter( isSchema )
				.flatMap( ( b ) => [ b, ...variants( b ) ] )
		: [];
}

/** The strict variant, made once per schema object rather than on every model call. */
export const strictJsonSchemaOf = oncePerSchema( toStrictJsonSchema );

/** The AI SDK's JSON `responseFormat` for a task schema: its name and its strict variant. */
export function strictResponseFormat(
	name: string,
	schema: Schema
): JsonCallOptions[ 'responseFormat' ] {
	return {
		type: 'json',
		name,
		// The SDK's JSONSchema7 type is narrower than our plain-object schemas.
		schema: strictJsonSchemaOf( schema ) as never,
	};
}
