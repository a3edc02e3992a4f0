import {
	QuizQuestionSchema,
	type QuizQualityChecks,
	type QuizQuestion,
} from '../../src/schemas';

/**
 * Quiz questions are checked, not trusted: each must parse against the shared schema, its
 * source_excerpt must occur in the content (we snap near-misses to the verbatim text), duplicates
 * are dropped, and the score comes from these checks rather than the model's opinion of itself.
 */
export type CheckedQuestion = QuizQuestion & { checks: QuizQualityChecks };

export function questionKey( question: string ): string {
	return question
		.toLowerCase()
		.replace( /[^\p{L}\p{N}]+/gu, ' ' )
		.trim();
}

/** The keys of the questions a quiz already has (QuizRequest.existing_questions). */
export function existingKeys(
	questions: readonly string[] = []
): Set< string > {
	return new Set( questions.map( questionKey ).filter( Boolean ) );
}

function escapeRegExp( text: string ): string {
	return text.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' );
}

/** The verbatim substring of content the excerpt refers to, tolerating whitespace and case differences. */
export function locateExcerpt(
	content: string,
	excerpt: string | undefined
): string | undefined {
	const wanted = excerpt?.trim();
	if ( ! wanted ) {
		return undefined;
	}
	if ( content.includes( wanted ) ) {
		return wanted;
	}
	const words = wanted.split( /\s+/ ).map( escapeRegExp );
	if ( words.length === 0 || words.length > 200 ) {
		return undefined;
	}
	const match = new RegExp( words.join( '\\s+' ), 'iu' ).exec( content );
	return match?.[ 0 ];
}

export function correctIsLongest( question: QuizQuestion ): boolean {
	if (
		question.type !== 'multiple_choice' &&
		question.type !== 'multiple_answer'
	) {
		return false;
	}
	const correct = new Set(
		Array.isArray( question.correct_answer )
			? question.correct_answer
			: [ question.correct_answer ]
	);
	const longestWrong = Math.max(
		0,
		...question.options
			.filter( ( o ) => ! correct.has( o ) )
			.map( ( o ) => o.length )
	);
	return [ ...correct ].some( ( answer ) => answer.length > longestWrong );
}

/**
 * Validates and checks candidates in order; keeps at most `limit` new ones whose question text is
 * not already in `seen` (which it updates). A question whose key is in `existing` (the quiz's own
 * questions) is kept but flagged `duplicate`, so the instructor decides. Returns what it kept and
 * how many it dropped.
 */
export function curateQuestions(
	candidates: readonly unknown[],
	content: string,
	seen: Set< string >,
	limit: number,
	existing: ReadonlySet< string > = new Set()
): { kept: CheckedQuestion[]; dropped: number } {
	const kept: CheckedQuestion[] = [];
	let dropped = 0;
	for ( const candidate of candidates ) {
		if ( kept.length >= limit ) {
			break;
		}
		const parsed = QuizQuestionSchema.safeParse( candidate );
		if ( ! parsed.success ) {
			dropped++;
			continue;
		}
		const question = parsed.data;
		const key = questionKey( question.question );
		if ( seen.has( key ) ) {
			dropped++;
			continue;
		}
		seen.add( key );
		const excerpt = locateExcerpt( content, question.source_excerpt );
		const checked: CheckedQuestion = {
			...question,
			...( excerpt ? { source_excerpt: excerpt } : {} ),
			checks: {
				excerpt_found: Boolean( excerpt ),
				duplicate: existing.has( key ),
				correct_is_longest: correctIsLongest( question ),
				has_explanation: question.explanation.trim().length >= 10,
			},
		};
		kept.push( checked );
	}
	return { kept, dropped };
}

/**
 * 0–100: per question, excerpt found (35), explanation present (25), not a duplicate (15); and 25 for
 * the set when the correct option is not systematically the longest (at most half of choice questions).
 */
export function qualityScore( questions: readonly CheckedQuestion[] ): number {
	if ( questions.length === 0 ) {
		return 0;
	}
	const perQuestion =
		questions.reduce(
			( sum, q ) =>
				sum +
				( q.checks.excerpt_found ? 35 : 0 ) +
				( q.checks.has_explanation ? 25 : 0 ) +
				( q.checks.duplicate ? 0 : 15 ),
			0
		) / questions.length;
	const choice = questions.filter(
		( q ) => q.type === 'multiple_choice' || q.type === 'multiple_answer'
	);
	const longestShare = choice.length
		? choice.filter( ( q ) => q.checks.correct_is_longest ).length /
			choice.length
		: 0;
	const balance =
		longestShare <= 0.5 ? 25 : Math.round( 25 * ( 1 - longestShare ) * 2 );
	return Math.round( Math.min( 100, perQuestion + balance ) );
}
