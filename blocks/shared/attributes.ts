/**
 * The question blocks' attributes: the quiz question shape (src/schemas/quiz.ts) in camelCase
 * (`correct_answer` → `correctAnswer`, `source_excerpt` → `sourceExcerpt`). Every block has the same
 * attributes; `correctAnswer` is a list for multiple-answer questions and a string otherwise.
 */
import type {
	Difficulty,
	QuestionType,
	QuizQuestion,
} from '../../src/schemas/quiz';

export interface QuestionAttributes {
	question: string;
	options: string[];
	correctAnswer: string | string[];
	explanation: string;
	difficulty: Difficulty;
	points: number;
	sourceExcerpt: string;
}

export const BLOCK_NAMESPACE = 'courses-copilot';

/** Block folder / name suffix per question type. */
export const BLOCK_SLUGS: Record< QuestionType, string > = {
	multiple_choice: 'multiple-choice-question',
	true_false: 'true-false-question',
	multiple_answer: 'multiple-answer-question',
	short_answer: 'short-answer-question',
};

export function blockNameFor( type: QuestionType ): string {
	return `${ BLOCK_NAMESPACE }/${ BLOCK_SLUGS[ type ] }`;
}

/** A question (as generated and edited in the modal) → our block's attributes. */
export function toAttributes( question: QuizQuestion ): QuestionAttributes {
	const answers = (
		Array.isArray( question.correct_answer )
			? question.correct_answer
			: [ question.correct_answer ]
	)
		.map( ( a ) => a.trim() )
		.filter( Boolean );
	const options = question.options.map( ( o ) => o.trim() ).filter( Boolean );
	let correctAnswer: string | string[];
	switch ( question.type ) {
		case 'multiple_answer':
			correctAnswer = answers;
			break;
		case 'true_false':
			correctAnswer =
				answers[ 0 ]?.toLowerCase() === 'false' ? 'false' : 'true';
			break;
		default:
			correctAnswer = answers[ 0 ] ?? '';
	}
	return {
		question: question.question.trim(),
		options: question.type === 'true_false' ? [ 'True', 'False' ] : options,
		correctAnswer,
		explanation: question.explanation.trim(),
		difficulty: question.difficulty,
		points: Math.max( 1, Math.round( question.points ) || 1 ),
		sourceExcerpt: question.source_excerpt ?? '',
	};
}
