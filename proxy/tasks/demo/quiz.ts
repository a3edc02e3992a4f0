import type { QuizOptions, QuizQuestion } from '../../../src/schemas';
import { questionKey } from '../../output/quiz-quality';
import {
	keyTerms,
	sentencesOf,
	stableInt,
	stripMarkup,
} from '../../text/text-analysis';

/**
 * Demo questions from the content's own sentences: a key term is blanked or swapped, distractors are
 * the content's other terms of similar length, and source_excerpt is the sentence exactly as it
 * appears in the content.
 */
interface Sentence {
	/** Exactly as in the content (for source_excerpt). */
	raw: string;
	/** Entities decoded, for display. */
	text: string;
	terms: string[];
}

const POINTS = { easy: 1, medium: 2, hard: 3 } as const;
const BLANK = '_____';

function sentencesWithTerms(
	content: string,
	vocabulary: string[]
): Sentence[] {
	const result: Sentence[] = [];
	const seen = new Set< string >();
	for ( const segment of content.split( /<[^>]*>/ ) ) {
		for ( const raw of sentencesOf(
			segment.replace( /\s+/g, ' ' ).trim()
		) ) {
			const words = raw.split( /\s+/ ).length;
			if (
				words < 6 ||
				words > 60 ||
				seen.has( raw ) ||
				! content.includes( raw )
			) {
				continue;
			}
			seen.add( raw );
			const text = stripMarkup( raw );
			const lower = ` ${ text.toLowerCase().replace( /[^\p{L}\p{N}'’-]+/gu, ' ' ) } `;
			const terms = vocabulary.filter( ( term ) =>
				lower.includes( ` ${ term } ` )
			);
			if ( terms.length ) {
				result.push( { raw, text, terms } );
			}
		}
	}
	return result;
}

function replaceTerm(
	text: string,
	term: string,
	replacement: string
): string {
	return text.replace(
		new RegExp(
			`(?<![\\p{L}\\p{N}])${ term.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' ) }(?![\\p{L}\\p{N}])`,
			'iu'
		),
		replacement
	);
}

/** Up to n other terms, closest in length to the answer first, with at least one as long or longer when there is one. */
function distractors(
	answer: string,
	exclude: readonly string[],
	vocabulary: readonly string[],
	n: number,
	seed: number
): string[] {
	const pool = vocabulary.filter(
		( t ) => t !== answer && ! exclude.includes( t )
	);
	const byCloseness = [ ...pool ].sort(
		( a, b ) =>
			Math.abs( a.length - answer.length ) -
				Math.abs( b.length - answer.length ) ||
			( stableInt( a, seed ) % 7 ) - ( stableInt( b, seed ) % 7 )
	);
	const picked = byCloseness.slice( 0, n );
	if ( picked.length && picked.every( ( t ) => t.length < answer.length ) ) {
		const longer = pool.find(
			( t ) => t.length >= answer.length && ! picked.includes( t )
		);
		if ( longer ) {
			picked[ picked.length - 1 ] = longer;
		}
	}
	return picked;
}

function placeAt< T >( items: T[], item: T, index: number ): T[] {
	const copy = [ ...items ];
	copy.splice( index % ( copy.length + 1 ), 0, item );
	return copy;
}

function build(
	type: QuizOptions[ 'type' ],
	s: Sentence,
	term: string,
	vocabulary: string[],
	difficulty: QuizOptions[ 'difficulty' ]
): QuizQuestion | undefined {
	const seed = stableInt( s.raw, term, type );
	const base = {
		difficulty,
		points: POINTS[ difficulty ],
		source_excerpt: s.raw,
	};
	switch ( type ) {
		case 'multiple_choice': {
			const blanked = replaceTerm( s.text, term, BLANK );
			const wrong = distractors( term, s.terms, vocabulary, 3, seed );
			if ( wrong.length < 2 ) {
				return undefined;
			}
			return {
				...base,
				type,
				question: `Which term completes this statement from the lesson? “${ blanked }”`,
				options: placeAt( wrong, term, seed ),
				correct_answer: term,
				explanation: `The lesson says: “${ s.text }”`,
			};
		}
		case 'true_false': {
			const truthful = seed % 2 === 0;
			const swap = distractors( term, s.terms, vocabulary, 1, seed )[ 0 ];
			if ( ! truthful && swap ) {
				return {
					...base,
					type,
					question: `True or false: ${ replaceTerm( s.text, term, swap ) }`,
					options: [ 'True', 'False' ],
					correct_answer: 'false',
					explanation: `False — the lesson speaks of “${ term }”, not “${ swap }”: “${ s.text }”`,
				};
			}
			return {
				...base,
				type,
				question: `True or false: ${ s.text }`,
				options: [ 'True', 'False' ],
				correct_answer: 'true',
				explanation: `True — the lesson says: “${ s.text }”`,
			};
		}
		case 'multiple_answer': {
			const second = s.terms.find( ( t ) => t !== term );
			if ( ! second ) {
				return undefined;
			}
			const wrong = distractors( term, s.terms, vocabulary, 2, seed );
			if ( wrong.length < 1 ) {
				return undefined;
			}
			const both = replaceTerm(
				replaceTerm( s.text, term, BLANK ),
				second,
				BLANK
			);
			return {
				...base,
				type,
				question: `Select the terms that fill the blanks in this statement from the lesson: “${ both }”`,
				options: placeAt(
					placeAt( wrong, term, seed ),
					second,
					Math.floor( seed / 8 )
				),
				correct_answer: [ term, second ],
				explanation: `The lesson says: “${ s.text }”`,
			};
		}
		case 'short_answer': {
			const blanked = replaceTerm( s.text, term, BLANK );
			return {
				...base,
				type,
				question: `Fill in the blank: “${ blanked }”`,
				options: [],
				correct_answer: term,
				explanation: `The lesson says: “${ s.text }”`,
			};
		}
	}
}

export function demoQuizQuestions(
	content: string,
	options: QuizOptions
): QuizQuestion[] {
	const vocabulary = keyTerms( stripMarkup( content ), 40 );
	const sentences = sentencesWithTerms( content, vocabulary );
	// Difficulty shapes the source: easy asks about short sentences and common terms, hard about long ones and rare terms.
	if ( options.difficulty === 'easy' ) {
		sentences.sort( ( a, b ) => a.text.length - b.text.length );
	} else if ( options.difficulty === 'hard' ) {
		sentences.sort( ( a, b ) => b.text.length - a.text.length );
		sentences.forEach( ( s ) => s.terms.reverse() );
	}
	const questions: QuizQuestion[] = [];
	const seen = new Set< string >();
	const maxTerms = Math.max( 0, ...sentences.map( ( s ) => s.terms.length ) );
	// First pass blanks each sentence's first term; later passes reuse sentences with their next term.
	for (
		let pass = 0;
		pass < maxTerms && questions.length < options.count;
		pass++
	) {
		for ( const sentence of sentences ) {
			const term = sentence.terms[ pass ];
			if ( ! term || questions.length >= options.count ) {
				continue;
			}
			const question = build(
				options.type,
				sentence,
				term,
				vocabulary,
				options.difficulty
			);
			if ( question && ! seen.has( questionKey( question.question ) ) ) {
				seen.add( questionKey( question.question ) );
				questions.push( question );
			}
		}
	}
	return questions;
}
