/**
 * Model output is untrusted text. This finds the JSON in it (code fences, prose around it) and
 * repairs the usual damage (trailing commas, comments, raw newlines in strings, a cut-off end)
 * before the schema decides whether it is acceptable.
 */
export type Extracted =
	| { ok: true; value: unknown; repaired: boolean }
	| { ok: false; reason: string };

function tryParse(
	text: string
): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse( text ) };
	} catch {
		return { ok: false };
	}
}

/** String-aware repair pass: drops comments and trailing commas, escapes raw control characters, closes what is open. */
export function repairJson( text: string ): string {
	let out = '';
	const stack: string[] = [];
	let inString = false;
	for ( let i = 0; i < text.length; i++ ) {
		const ch = text[ i ] as string;
		if ( inString ) {
			if ( ch === '\\' ) {
				out += ch + ( text[ i + 1 ] ?? '' );
				i++;
			} else if ( ch === '"' ) {
				inString = false;
				out += ch;
			} else if ( ch === '\n' ) {
				out += '\\n';
			} else if ( ch === '\r' ) {
				out += '\\r';
			} else if ( ch === '\t' ) {
				out += '\\t';
			} else {
				out += ch;
			}
			continue;
		}
		if ( ch === '/' && text[ i + 1 ] === '/' ) {
			while ( i < text.length && text[ i ] !== '\n' ) {
				i++;
			}
			continue;
		}
		if ( ch === '/' && text[ i + 1 ] === '*' ) {
			const end = text.indexOf( '*/', i + 2 );
			i = end === -1 ? text.length : end + 1;
			continue;
		}
		if ( ch === '"' ) {
			inString = true;
		} else if ( ch === '{' || ch === '[' ) {
			stack.push( ch === '{' ? '}' : ']' );
		} else if ( ch === '}' || ch === ']' ) {
			stack.pop();
			out = out.replace( /,\s*$/, '' );
		}
		out += ch;
	}
	if ( inString ) {
		out += '"';
	}
	out = out.replace( /[,:]\s*$/, '' );
	while ( stack.length ) {
		out = out.replace( /,\s*$/, '' ) + stack.pop();
	}
	return out;
}

export function extractJson( text: string ): Extracted {
	let body = text.replace( /^\uFEFF/, '' ).trim();
	const fenced = /```(?:json|JSON)?\s*\n?([^]*?)(?:```|$)/.exec( body );
	if ( fenced?.[ 1 ] && ! body.startsWith( '{' ) ) {
		body = fenced[ 1 ].trim();
	}
	const direct = tryParse( body );
	if ( direct.ok ) {
		return { ok: true, value: direct.value, repaired: false };
	}
	const start = body.search( /[{[]/ );
	if ( start === -1 ) {
		return { ok: false, reason: 'no JSON object in the answer' };
	}
	const open = body[ start ];
	const end = body.lastIndexOf( open === '{' ? '}' : ']' );
	const slice =
		end > start ? body.slice( start, end + 1 ) : body.slice( start );
	const sliced = tryParse( slice );
	if ( sliced.ok ) {
		return { ok: true, value: sliced.value, repaired: true };
	}
	const repaired = tryParse( repairJson( body.slice( start ) ) );
	if ( repaired.ok ) {
		return { ok: true, value: repaired.value, repaired: true };
	}
	const repairedSlice = tryParse( repairJson( slice ) );
	if ( repairedSlice.ok ) {
		return { ok: true, value: repairedSlice.value, repaired: true };
	}
	return {
		ok: false,
		reason: 'the answer is not valid JSON, even after repair',
	};
}
