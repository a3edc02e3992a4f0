import { createHash } from 'node:crypto';

/** Small, deterministic text tools the demo provider builds everything from. */
const STOPWORDS = new Set(
	(
		'a about above after again against all also am an and any are as at be because been before being below between both but by can ' +
		'could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it ' +
		'its itself just let lets like make me more most my no nor not now of off on once only or other our ours out over own same she should ' +
		'so some such than that the their theirs them then there these they this those through to too under until up use used using very was we ' +
		'were what when where which while who whom why will with would you your yours want wants need needs course courses create creating ' +
		'lesson lessons section sections please help teach teaching learn learning students student beginners beginner introduction basics ' +
		'new one two three way ways get got make made thing things something really well much many may might must shall able via etc ' +
		'write writing draft build building quiz question questions generate class workshop module modules per every people person'
	).split( ' ' )
);

export function stripMarkup( html: string ): string {
	return html
		.replace( /<!--[^]*?-->/g, ' ' )
		.replace( /<[^>]+>/g, ' ' )
		.replace( /&nbsp;/g, ' ' )
		.replace( /&amp;/g, '&' )
		.replace( /&lt;/g, '<' )
		.replace( /&gt;/g, '>' )
		.replace( /&quot;/g, '"' )
		.replace( /&#0?39;/g, "'" )
		.replace( /\s+/g, ' ' )
		.trim();
}

export function wordsOf( text: string ): string[] {
	return text.match( /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu ) ?? [];
}

export function isStopword( word: string ): boolean {
	return STOPWORDS.has( word.toLowerCase() );
}

/** Content words by frequency, ties by first appearance; lower-cased, 3+ letters. */
export function keyTerms( text: string, limit = 12 ): string[] {
	const counts = new Map< string, { count: number; first: number } >();
	wordsOf( text ).forEach( ( raw, index ) => {
		const word = raw.toLowerCase().replace( /['’]s$/, '' );
		if (
			word.length < 3 ||
			STOPWORDS.has( word ) ||
			/^\d+$/.test( word )
		) {
			return;
		}
		const entry = counts.get( word );
		if ( entry ) {
			entry.count++;
		} else {
			counts.set( word, { count: 1, first: index } );
		}
	} );
	return [ ...counts.entries() ]
		.sort(
			( a, b ) =>
				b[ 1 ].count - a[ 1 ].count || a[ 1 ].first - b[ 1 ].first
		)
		.slice( 0, limit )
		.map( ( [ word ] ) => word );
}

const SMALL_WORDS = new Set( [
	'a',
	'an',
	'and',
	'as',
	'at',
	'but',
	'by',
	'for',
	'in',
	'of',
	'on',
	'or',
	'the',
	'to',
	'with',
	'vs',
] );

export function titleCase( text: string ): string {
	return text
		.split( /\s+/ )
		.filter( Boolean )
		.map( ( word, i ) => {
			if ( i > 0 && SMALL_WORDS.has( word.toLowerCase() ) ) {
				return word.toLowerCase();
			}
			// Keep acronyms and mixed case (SQL, JavaScript) as the user wrote them.
			return /[A-Z]/.test( word.slice( 1 ) )
				? word
				: word.charAt( 0 ).toUpperCase() + word.slice( 1 );
		} )
		.join( ' ' );
}

export function capitalize( text: string ): string {
	return text.charAt( 0 ).toUpperCase() + text.slice( 1 );
}

export function stableHash( ...parts: Array< string | number > ): string {
	return createHash( 'sha1' )
		.update( parts.join( '\u0000' ) )
		.digest( 'hex' );
}

export function stableInt( ...parts: Array< string | number > ): number {
	return parseInt( stableHash( ...parts ).slice( 0, 8 ), 16 );
}

export function stableId(
	prefix: string,
	...parts: Array< string | number >
): string {
	return `${ prefix }-${ stableHash( ...parts ).slice( 0, 10 ) }`;
}

export function sentencesOf( text: string ): string[] {
	return text
		.split( /(?<=[.!?])\s+(?=[A-Z0-9"“(])/ )
		.map( ( s ) => s.trim() )
		.filter( Boolean );
}

/** Chunks of a few words, the way a model streams: used for demo deltas. */
export function streamChunks( text: string, wordsPerChunk = 4 ): string[] {
	const tokens = text.match( /\S+\s*|\s+/g ) ?? [];
	const chunks: string[] = [];
	for ( let i = 0; i < tokens.length; i += wordsPerChunk ) {
		chunks.push( tokens.slice( i, i + wordsPerChunk ).join( '' ) );
	}
	return chunks.length ? chunks : [ text ];
}
