/**
 * The question blocks' render.php, run by PHP: learners get the question and its options as form
 * fields, and the page never holds the correct answer, the explanation or the source excerpt.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

interface Case {
	folder: string;
	attributes: Record< string, unknown >;
}

function render( cases: Case[] ): string[] {
	const output = execFileSync(
		'php',
		[ path.join( __dirname, 'render-stubs.php' ) ],
		{ input: JSON.stringify( cases ), encoding: 'utf8' }
	);
	return JSON.parse( output ) as string[];
}

const secret = {
	explanation: 'SECRET-EXPLANATION the lesson says thirds.',
	sourceExcerpt: 'SECRET-EXCERPT The rule of thirds divides the frame.',
	difficulty: 'hard',
	points: 3,
};

describe( 'render.php', () => {
	const [
		multipleChoice,
		trueFalse,
		multipleAnswer,
		shortAnswer,
		empty,
		hostile,
	] = render( [
		{
			folder: 'multiple-choice-question',
			attributes: {
				question: 'Which rule divides the frame?',
				options: [ 'thirds', 'halves', 'quarters' ],
				correctAnswer: 'thirds',
				...secret,
			},
		},
		{
			folder: 'true-false-question',
			attributes: {
				question: 'Horizons belong in the middle.',
				options: [ 'True', 'False' ],
				correctAnswer: 'false',
				...secret,
			},
		},
		{
			folder: 'multiple-answer-question',
			attributes: {
				question: 'Which set exposure?',
				options: [ 'aperture', 'shutter', 'tripod' ],
				correctAnswer: [ 'aperture', 'shutter' ],
				...secret,
			},
		},
		{
			folder: 'short-answer-question',
			attributes: {
				question: 'The rule of _____ divides the frame.',
				options: [],
				correctAnswer: 'SECRET-ANSWER-thirds',
				...secret,
			},
		},
		{
			folder: 'multiple-choice-question',
			attributes: {
				question: '   ',
				options: [ 'a', 'b' ],
				correctAnswer: 'a',
			},
		},
		{
			folder: 'multiple-choice-question',
			attributes: {
				question: '<script>alert(1)</script>',
				options: [ '<img src=x onerror=alert(1)>', 'b' ],
				correctAnswer: 'b',
				explanation: 'x',
			},
		},
	] );
	const all = [ multipleChoice!, trueFalse!, multipleAnswer!, shortAnswer! ];

	it( 'shows the question and every option as a field', () => {
		expect( multipleChoice ).toContain(
			'<legend class="mpcc-question__text">Which rule divides the frame?</legend>'
		);
		expect( multipleChoice!.match( /type="radio"/g ) ).toHaveLength( 3 );
		for ( const option of [ 'thirds', 'halves', 'quarters' ] ) {
			expect( multipleChoice ).toContain( `>${ option }</label>` );
		}
		expect( trueFalse!.match( /type="radio"/g ) ).toHaveLength( 2 );
		expect( trueFalse ).toContain( '>True</label>' );
		expect( multipleAnswer!.match( /type="checkbox"/g ) ).toHaveLength( 3 );
		expect( shortAnswer ).toMatch(
			/<label for="[^"]+">Your answer<\/label> <input type="text"/
		);
		expect( multipleChoice ).toContain( '3 points' );
	} );

	it( 'never prints the correct answer, the explanation or the source excerpt', () => {
		for ( const html of all ) {
			expect( html ).not.toContain( 'SECRET' );
			expect( html ).not.toMatch( /correct|checked|data-answer/i );
		}
		// Options are told apart by position only, the same way for right and wrong ones.
		expect( multipleChoice ).toMatch(
			/value="0" \/> <label[^>]*>thirds<\/label>/
		);
		expect( trueFalse ).not.toMatch( /value="(true|false)"/ );
	} );

	it( 'prints nothing for a question without text, and escapes what it prints', () => {
		expect( empty ).toBe( '' );
		expect( hostile ).not.toContain( '<script>' );
		expect( hostile ).not.toContain( '<img' );
		expect( hostile ).toContain( '&lt;script&gt;' );
	} );
} );
