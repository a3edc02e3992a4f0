import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { blockMarkupIsBalanced, textToBlocks } from '../block-markup';
import { JsonArrayItemScanner } from '../json-array-items';
import { extractJson } from '../json-extract';
import { curateQuestions, locateExcerpt, qualityScore } from '../quiz-quality';
import { StreamingStringField } from '../streaming-field';

/** Untrusted model output: extraction, repair, incremental parsing and quiz checks. */
function splitRandomly( text: string, cuts: number[] ): string[] {
	const points = [
		...new Set( cuts.map( ( c ) => c % ( text.length + 1 ) ) ),
	].sort( ( a, b ) => a - b );
	const parts: string[] = [];
	let last = 0;
	for ( const p of points ) {
		parts.push( text.slice( last, p ) );
		last = p;
	}
	parts.push( text.slice( last ) );
	return parts;
}

describe( 'JSON extraction and repair', () => {
	it( 'finds JSON in fences, in prose, with trailing commas, comments and a cut-off end', () => {
		assert.deepEqual( extractJson( '```json\n{"a":1}\n```' ), {
			ok: true,
			value: { a: 1 },
			repaired: false,
		} );
		assert.deepEqual(
			(
				extractJson(
					'Here you go: {"a": [1, 2,],} Hope it helps!'
				) as { value: unknown }
			 ).value,
			{ a: [ 1, 2 ] }
		);
		assert.deepEqual(
			(
				extractJson( '{"a": 1, // one\n "b": "x\ny"}' ) as {
					value: unknown;
				}
			 ).value,
			{ a: 1, b: 'x\ny' }
		);
		assert.deepEqual(
			( extractJson( '{"a": {"b": [1, 2' ) as { value: unknown } ).value,
			{ a: { b: [ 1, 2 ] } }
		);
		assert.equal( extractJson( 'no json at all' ).ok, false );
	} );

	it( 'round-trips any JSON value, however it is fenced', () => {
		fc.assert(
			fc.property(
				fc.dictionary( fc.string(), fc.jsonValue() ),
				fc.constantFrom( '', 'Sure!\n', '```json\n' ),
				( value, prefix ) => {
					const text =
						prefix +
						JSON.stringify( value ) +
						( prefix.startsWith( '```' ) ? '\n```' : '' );
					const result = extractJson( text );
					assert.ok( result.ok );
					assert.deepEqual(
						result.value,
						JSON.parse( JSON.stringify( value ) )
					);
				}
			)
		);
	} );
} );

describe( 'streaming helpers', () => {
	it( 'StreamingStringField decodes a field however the JSON is split', () => {
		fc.assert(
			fc.property(
				fc.string(),
				fc.array( fc.nat(), { maxLength: 20 } ),
				( message, cuts ) => {
					const json = JSON.stringify( {
						message,
						course_structure: null,
					} );
					const field = new StreamingStringField( 'message' );
					const out = splitRandomly( json, cuts )
						.map( ( part ) => field.feed( part ) )
						.join( '' );
					assert.equal( out, message );
					assert.ok( field.finished );
				}
			)
		);
	} );

	it( 'JsonArrayItemScanner yields each object of the array once it closes', () => {
		fc.assert(
			fc.property(
				fc.array( fc.record( { q: fc.string(), n: fc.integer() } ), {
					maxLength: 6,
				} ),
				fc.array( fc.nat(), { maxLength: 20 } ),
				( items, cuts ) => {
					const scanner = new JsonArrayItemScanner();
					const found = splitRandomly(
						JSON.stringify( { questions: items } ),
						cuts
					).flatMap( ( part ) => scanner.feed( part ) );
					assert.deepEqual(
						found.map( ( f ) => JSON.parse( f ) ),
						JSON.parse( JSON.stringify( items ) )
					);
				}
			)
		);
	} );
} );

describe( 'block markup repair', () => {
	it( 'turns Markdown into balanced core blocks', () => {
		const blocks = textToBlocks(
			'# Title\n\nSome **bold** text.\n\n- one\n- two\n\n1. first\n2. second'
		);
		assert.ok( blockMarkupIsBalanced( blocks ) );
		assert.match( blocks, /<h2 class="wp-block-heading">Title<\/h2>/ );
		assert.match( blocks, /<p>Some bold text.<\/p>/ );
		assert.match(
			blocks,
			/<ul class="wp-block-list"><!-- wp:list-item -->\n<li>one<\/li>/
		);
		assert.match( blocks, /<!-- wp:list \{"ordered":true\} -->/ );
		assert.equal(
			blockMarkupIsBalanced( '<!-- wp:paragraph --><p>x</p>' ),
			false
		);
	} );
} );

describe( 'quiz checks', () => {
	const content =
		'Water boils at one hundred degrees Celsius at sea level. Ice melts at zero degrees.';
	const question = ( n: number, extra: Record< string, unknown > = {} ) => ( {
		type: 'multiple_choice',
		question: `Q${ n }: at what temperature does water boil?`,
		options: [
			'One hundred degrees',
			'Zero',
			'Fifty',
			'Two hundred degrees',
		],
		correct_answer: 'One hundred degrees',
		explanation: 'The text says water boils at one hundred degrees.',
		difficulty: 'easy',
		points: 1,
		source_excerpt:
			'Water boils at one hundred degrees Celsius at sea level.',
		...extra,
	} );

	it( 'snaps near-miss excerpts to the verbatim text and flags missing ones', () => {
		assert.equal(
			locateExcerpt(
				content,
				'water  boils at one hundred degrees celsius'
			),
			'Water boils at one hundred degrees Celsius'
		);
		assert.equal( locateExcerpt( content, 'Water freezes' ), undefined );
	} );

	it( 'drops invalid and duplicate questions, keeps at most the limit, and scores from the checks', () => {
		const seen = new Set< string >();
		const { kept, dropped } = curateQuestions(
			[
				question( 1 ),
				question( 1 ),
				{ ...question( 2 ), correct_answer: 'Not an option' },
				question( 3, { source_excerpt: 'invented' } ),
				question( 4 ),
				question( 5 ),
			],
			content,
			seen,
			3
		);
		assert.deepEqual(
			kept.map( ( q ) => q.question.slice( 0, 2 ) ),
			[ 'Q1', 'Q3', 'Q4' ]
		);
		assert.equal( dropped, 2 );
		assert.equal( kept[ 1 ]?.checks.excerpt_found, false );
		const score = qualityScore( kept );
		assert.ok( score > 60 && score < 100, `score ${ score }` );
		assert.equal( qualityScore( [] ), 0 );
		const allLongest = curateQuestions(
			[
				question( 9, {
					options: [ 'One hundred degrees', 'Zero', 'Ten' ],
				} ),
			],
			content,
			new Set(),
			1
		).kept;
		assert.ok(
			qualityScore( allLongest ) <
				qualityScore(
					curateQuestions( [ question( 9 ) ], content, new Set(), 1 )
						.kept
				)
		);
	} );
} );
