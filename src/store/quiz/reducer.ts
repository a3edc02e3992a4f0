import { EMPTY_ARRAY, INITIAL_REQUEST } from '../constants';
import { DEFAULT_QUIZ_OPTIONS } from './constants';
import type { QuizAction, QuizItem, QuizState } from './types';

/** A question the checks found already in the quiz is shown, but left out of the insert until chosen. */
function startsSelected( question: QuizItem ): boolean {
	return ! question.checks?.duplicate;
}

export const INITIAL_QUIZ_STATE: QuizState = {
	source: null,
	options: DEFAULT_QUIZ_OPTIONS,
	questions: EMPTY_ARRAY as unknown as QuizItem[],
	selected: EMPTY_ARRAY as unknown as string[],
	editingId: null,
	edited: EMPTY_ARRAY as unknown as string[],
	regenerating: EMPTY_ARRAY as unknown as string[],
	request: INITIAL_REQUEST,
	meta: null,
	expired: false,
};

export default function reducer(
	state: QuizState = INITIAL_QUIZ_STATE,
	action: QuizAction
): QuizState {
	switch ( action.type ) {
		case 'QUIZ_SET_SOURCE':
			return { ...state, source: action.source };
		case 'QUIZ_SET_OPTIONS':
			return {
				...state,
				options: { ...state.options, ...action.options },
			};
		case 'QUIZ_REQUEST':
			return { ...state, request: action.request };
		case 'QUIZ_APPEND': {
			const fresh = action.questions.filter(
				( q ) => ! state.questions.some( ( o ) => o.id === q.id )
			);
			return fresh.length
				? {
						...state,
						questions: [ ...state.questions, ...fresh ],
						selected: [
							...state.selected,
							...fresh
								.filter( startsSelected )
								.map( ( q ) => q.id ),
						],
					}
				: state;
		}
		case 'QUIZ_RECEIVE': {
			const known = new Set( state.questions.map( ( q ) => q.id ) );
			const selected = state.selected.filter( ( id ) =>
				action.questions.some( ( q ) => q.id === id )
			);
			for ( const q of action.questions ) {
				if ( ! known.has( q.id ) && startsSelected( q ) ) {
					selected.push( q.id );
				}
			}
			return {
				...state,
				questions: action.questions,
				selected,
				meta: action.meta,
			};
		}
		case 'QUIZ_REPLACE_QUESTION':
			return {
				...state,
				questions: state.questions.map( ( q ) =>
					q.id === action.id ? { ...action.question, id: q.id } : q
				),
				// Asked for a new question in its place: the hand edit is gone by the user's choice.
				edited: state.edited.filter( ( id ) => id !== action.id ),
			};
		case 'QUIZ_UPDATE_QUESTION':
			return {
				...state,
				questions: state.questions.map( ( q ) =>
					q.id === action.id
						? { ...q, ...action.changes, id: q.id }
						: q
				),
				edited: state.edited.includes( action.id )
					? state.edited
					: [ ...state.edited, action.id ],
			};
		case 'QUIZ_REMOVE_QUESTION':
			return {
				...state,
				questions: state.questions.filter(
					( q ) => q.id !== action.id
				),
				selected: state.selected.filter( ( id ) => id !== action.id ),
				edited: state.edited.filter( ( id ) => id !== action.id ),
				editingId:
					state.editingId === action.id ? null : state.editingId,
			};
		case 'QUIZ_SET_SELECTED':
			return {
				...state,
				selected: action.ids.filter( ( id ) =>
					state.questions.some( ( q ) => q.id === id )
				),
			};
		case 'QUIZ_TOGGLE_SELECTED':
			return {
				...state,
				selected: state.selected.includes( action.id )
					? state.selected.filter( ( id ) => id !== action.id )
					: [ ...state.selected, action.id ],
			};
		case 'QUIZ_SET_EDITING':
			return state.editingId === action.id
				? state
				: { ...state, editingId: action.id };
		case 'QUIZ_REGENERATING':
			return {
				...state,
				regenerating: action.active
					? [
							...state.regenerating.filter(
								( id ) => id !== action.id
							),
							action.id,
						]
					: state.regenerating.filter( ( id ) => id !== action.id ),
			};
		case 'QUIZ_EXPIRED':
			return { ...state, expired: true };
		case 'QUIZ_RESET':
			return {
				...INITIAL_QUIZ_STATE,
				source: state.source,
				options: state.options,
				expired: state.expired,
			};
	}
	return state;
}
