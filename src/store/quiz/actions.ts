import { ajax } from '../../api/client';
import { SSEClient } from '../../api/sse-client';
import { createRequestTracker, endRequest } from '../request-tracking';
import { closeStreams, runStream } from '../stream-lifecycle';
import { generateId } from '../structure';
import type { QuizOptions } from '../../schemas/quiz';
import type { GeneratedQuestion, QuizSourceInput } from '../../api/types';
import type { QuizAction, QuizItem, QuizThunk, QuizThunkArgs } from './types';

type ActionOf< T extends QuizAction[ 'type' ] > = Extract<
	QuizAction,
	{ type: T }
>;

const withId = ( question: GeneratedQuestion ): QuizItem => ( {
	...question,
	id: generateId( 'l' ).replace( /^l-/, 'q-' ),
} );

export function setSource(
	source: QuizSourceInput | null
): ActionOf< 'QUIZ_SET_SOURCE' > {
	return { type: 'QUIZ_SET_SOURCE', source };
}
export function setOptions(
	options: Partial< QuizOptions >
): ActionOf< 'QUIZ_SET_OPTIONS' > {
	return { type: 'QUIZ_SET_OPTIONS', options };
}
export function updateQuestion(
	id: string,
	changes: Partial< GeneratedQuestion >
): ActionOf< 'QUIZ_UPDATE_QUESTION' > {
	return { type: 'QUIZ_UPDATE_QUESTION', id, changes };
}
export function removeQuestion(
	id: string
): ActionOf< 'QUIZ_REMOVE_QUESTION' > {
	return { type: 'QUIZ_REMOVE_QUESTION', id };
}
export function toggleSelected(
	id: string
): ActionOf< 'QUIZ_TOGGLE_SELECTED' > {
	return { type: 'QUIZ_TOGGLE_SELECTED', id };
}
export function setSelected( ids: string[] ): ActionOf< 'QUIZ_SET_SELECTED' > {
	return { type: 'QUIZ_SET_SELECTED', ids };
}
export function setEditing(
	id: string | null
): ActionOf< 'QUIZ_SET_EDITING' > {
	return { type: 'QUIZ_SET_EDITING', id };
}
/** Clears questions, selection and errors; keeps source and options. */
export function reset(): ActionOf< 'QUIZ_RESET' > {
	return { type: 'QUIZ_RESET' };
}
export const selectAll =
	(): QuizThunk =>
	async ( { select, dispatch } ) => {
		dispatch( setSelected( select.getQuestions().map( ( q ) => q.id ) ) );
	};
export const selectNone =
	(): QuizThunk =>
	async ( { dispatch } ) => {
		dispatch( setSelected( [] ) );
	};

/** The modal's one request (`getRequest()`); Stop leaves it as it was before it started. */
function quizRequest( { dispatch }: QuizThunkArgs ) {
	return createRequestTracker( {
		status: ( status ) =>
			dispatch( {
				type: 'QUIZ_REQUEST',
				request: { status, error: null },
			} ),
		failure: ( error ) =>
			dispatch( {
				type: 'QUIZ_REQUEST',
				request: { status: 'error', error },
			} ),
		expired: () => dispatch( { type: 'QUIZ_EXPIRED' } ),
	} );
}

/**
 * Generates questions from the source (a lesson, a course, or pasted content), streaming them
 * into the preview list; new questions start selected, except those the checks flag as already in
 * the quiz. Resolves to the number received.
 */
export const generateQuiz =
	(
		overrides: {
			source?: QuizSourceInput;
			options?: Partial< QuizOptions >;
			/** The question texts the quiz already has: the checks flag new ones that repeat them. */
			existingQuestions?: string[];
		} = {}
	): QuizThunk< number > =>
	async ( args ) => {
		const { select, dispatch, registry } = args;
		if ( select.isGenerating() ) {
			return 0;
		}
		if ( overrides.source ) {
			dispatch( setSource( overrides.source ) );
		}
		if ( overrides.options ) {
			dispatch( setOptions( overrides.options ) );
		}
		const source = select.getSource();
		if ( ! source ) {
			return 0;
		}
		dispatch( reset() );
		const request = quizRequest( args );
		request.start();
		const streamed = new Map< number, QuizItem >();
		const client = new SSEClient(
			'mpcc_generate_quiz',
			{
				...source,
				options: select.getOptions(),
				...( overrides.existingQuestions?.length
					? { existing_questions: overrides.existingQuestions }
					: {} ),
			},
			{
				questions: ( { questions, index } ) => {
					request.streaming();
					const items = ( questions ?? [] ).map( ( q, i ) => {
						const item = withId( q );
						streamed.set( ( index ?? 0 ) + i, item );
						return item;
					} );
					dispatch( { type: 'QUIZ_APPEND', questions: items } );
				},
			}
		);
		try {
			return await runStream( registry, 'quiz', client, ( reply ) => {
				const questions = ( reply.questions ?? [] ).map( ( q, i ) => {
					const previous = streamed.get( i );
					return previous ? { ...q, id: previous.id } : withId( q );
				} );
				dispatch( {
					type: 'QUIZ_RECEIVE',
					questions,
					meta: {
						total: reply.total ?? questions.length,
						type: reply.type ?? select.getOptions().type,
						qualityScore: reply.quality_score ?? 0,
						demo: !! reply.demo,
					},
				} );
				request.succeed();
				return questions.length;
			} );
		} catch ( error ) {
			await endRequest( request, error );
			return select.getQuestions().length;
		}
	};

/** Stops the generation; questions already received stay. */
export const stopGeneration =
	(): QuizThunk =>
	async ( { registry } ) =>
		closeStreams( registry, 'quiz' );

/** Asks for one new question in place of `id` (same type and difficulty, different question). */
export const regenerateQuestion =
	( id: string ): QuizThunk< boolean > =>
	async ( args ) => {
		const { select, dispatch } = args;
		const current = select.getQuestion( id );
		const source = select.getSource();
		if ( ! current || ! source || select.isRegenerating( id ) ) {
			return false;
		}
		dispatch( { type: 'QUIZ_REGENERATING', id, active: true } );
		try {
			const reply = await ajax( 'mpcc_generate_quiz', {
				...source,
				options: {
					type: current.type,
					difficulty: current.difficulty,
					count: 1,
					instructions: `Write a different question than: ${ current.question }`,
				},
			} );
			const next = reply.questions?.[ 0 ];
			if ( next ) {
				dispatch( {
					type: 'QUIZ_REPLACE_QUESTION',
					id,
					question: next,
				} );
			}
			return !! next;
		} catch ( error ) {
			await endRequest( quizRequest( args ), error );
			return false;
		} finally {
			dispatch( { type: 'QUIZ_REGENERATING', id, active: false } );
		}
	};
