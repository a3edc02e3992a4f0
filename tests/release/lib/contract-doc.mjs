/**
 * Reads docs/contracts.md: its `##` sections, `###` subsections and markdown tables, keyed by the
 * code-quoted first cell of each row.
 */

/** The text under `## name` up to the next `## ` heading ('' when absent). */
export function section( doc, name ) {
	const lines = doc.split( '\n' );
	const start = lines.indexOf( `## ${ name }` );
	if ( start < 0 ) {
		return '';
	}
	const end = lines.findIndex(
		( line, i ) => i > start && line.startsWith( '## ' )
	);
	return lines.slice( start + 1, end < 0 ? undefined : end ).join( '\n' );
}

/** `### heading` → its text, inside one section. */
export function subsections( text ) {
	const parts = new Map();
	for ( const part of text.split( /^### /m ).slice( 1 ) ) {
		const newline = part.indexOf( '\n' );
		parts.set( part.slice( 0, newline ).trim(), part.slice( newline + 1 ) );
	}
	return parts;
}

export const unquote = ( cell ) => cell.replace( /^`|`$/g, '' );

/** Table rows of a text as arrays of cells (escaped `\|` stays inside its cell); header rows included. */
export function rows( text ) {
	return text
		.split( '\n' )
		.filter(
			( line ) => line.startsWith( '|' ) && ! /^\|[-| ]+\|$/.test( line )
		)
		.map( ( line ) =>
			line
				.split( /(?<!\\)\|/ )
				.slice( 1, -1 )
				.map( ( cell ) => cell.trim() )
		);
}

/** First cell (code-quoted) → the row, for rows whose first cell is code. */
export function keyedRows( text ) {
	return new Map(
		rows( text )
			.filter( ( cells ) => /^`[^`]+`$/.test( cells[ 0 ] ) )
			.map( ( cells ) => [ unquote( cells[ 0 ] ), cells ] )
	);
}
