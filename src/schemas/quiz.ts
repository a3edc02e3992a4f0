import { z } from 'zod';
import { repeatedOptionIndexes } from './option-keys';

export { optionKey, repeatedOptionIndexes } from './option-keys';

export const QUESTION_TYPES = [
	'multiple_choice',
	'true_false',
	'multiple_answer',
	'short_answer',
] as const;
export const DIFFICULTIES = [ 'easy', 'medium', 'hard' ] as const;

export const QuestionTypeSchema = z.enum( QUESTION_TYPES );
export const DifficultySchema = z.enum( DIFFICULTIES );

export const QuizQuestionSchema = z
	.object( {
		type: QuestionTypeSchema,
		question: z.string().trim().min( 1 ).max( 2000 ),
		options: z.array( z.string().trim().min( 1 ).max( 500 ) ).max( 8 ),
		/**
		 * multiple_choice: the correct option's text; multiple_answer: the correct options' texts;
		 * true_false: "true" | "false"; short_answer: the expected answer.
		 */
		correct_answer: z.union( [
			z.string().trim().min( 1 ).max( 500 ),
			z.array( z.string().trim().min( 1 ).max( 500 ) ).min( 1 ).max( 8 ),
		] ),
		explanation: z.string().max( 2000 ),
		difficulty: DifficultySchema,
		points: z.number().int().min( 1 ).max( 100 ),
		source_excerpt: z.string().max( 1000 ).optional(),
	} )
	.superRefine( ( q, ctx ) => {
		const answers = Array.isArray( q.correct_answer )
			? q.correct_answer
			: [ q.correct_answer ];
		if ( q.type === 'multiple_choice' || q.type === 'multiple_answer' ) {
			for ( const index of repeatedOptionIndexes( q.options ) ) {
				ctx.addIssue( {
					code: 'custom',
					message: 'options must be different from each other',
					path: [ 'options', index ],
				} );
			}
			if ( q.options.length < 2 ) {
				ctx.addIssue( {
					code: 'custom',
					message: 'needs at least two options',
					path: [ 'options' ],
				} );
			}
			for ( const answer of answers ) {
				if ( ! q.options.includes( answer ) ) {
					ctx.addIssue( {
						code: 'custom',
						message: 'correct answer is not one of the options',
						path: [ 'correct_answer' ],
					} );
				}
			}
			if ( q.type === 'multiple_choice' && answers.length !== 1 ) {
				ctx.addIssue( {
					code: 'custom',
					message: 'multiple choice has exactly one correct answer',
					path: [ 'correct_answer' ],
				} );
			}
		}
		if (
			q.type === 'true_false' &&
			( answers.length !== 1 ||
				! [ 'true', 'false' ].includes( answers[ 0 ] ?? '' ) )
		) {
			ctx.addIssue( {
				code: 'custom',
				message: 'true/false answer must be "true" or "false"',
				path: [ 'correct_answer' ],
			} );
		}
	} );

export const QuizOptionsSchema = z.object( {
	type: QuestionTypeSchema.default( 'multiple_choice' ),
	count: z.number().int().min( 1 ).max( 20 ).default( 5 ),
	difficulty: DifficultySchema.default( 'medium' ),
	instructions: z.string().max( 2000 ).optional(),
} );

export type QuestionType = z.infer< typeof QuestionTypeSchema >;
export type Difficulty = z.infer< typeof DifficultySchema >;
export type QuizQuestion = z.infer< typeof QuizQuestionSchema >;
export type QuizOptions = z.infer< typeof QuizOptionsSchema >;
