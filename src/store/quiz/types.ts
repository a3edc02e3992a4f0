import type { StoreThunkArgs } from '../thunk-types';
import type { QuizOptions } from '../../schemas/quiz';
import type { GeneratedQuestion, QuizSourceInput } from '../../api/types';
import type { RequestState } from '../types';
import type * as actions from './actions';
import type * as selectors from './selectors';

/** A generated question in the preview list, with a local id for selection and editing. */
export type QuizItem = GeneratedQuestion & { id: string };

export interface QuizMeta {
	total: number;
	type: string;
	qualityScore: number;
	demo: boolean;
}

export interface QuizState {
	source: QuizSourceInput | null;
	options: QuizOptions;
	questions: QuizItem[];
	selected: string[];
	editingId: string | null;
	/** Questions changed by hand since they were generated (generating again replaces them). */
	edited: string[];
	regenerating: string[];
	request: RequestState;
	meta: QuizMeta | null;
	expired: boolean;
}

export type QuizAction =
	| { type: 'QUIZ_SET_SOURCE'; source: QuizSourceInput | null }
	| { type: 'QUIZ_SET_OPTIONS'; options: Partial< QuizOptions > }
	| { type: 'QUIZ_REQUEST'; request: RequestState }
	| { type: 'QUIZ_APPEND'; questions: QuizItem[] }
	| { type: 'QUIZ_RECEIVE'; questions: QuizItem[]; meta: QuizMeta }
	| { type: 'QUIZ_REPLACE_QUESTION'; id: string; question: GeneratedQuestion }
	| {
			type: 'QUIZ_UPDATE_QUESTION';
			id: string;
			changes: Partial< GeneratedQuestion >;
	  }
	| { type: 'QUIZ_REMOVE_QUESTION'; id: string }
	| { type: 'QUIZ_SET_SELECTED'; ids: string[] }
	| { type: 'QUIZ_TOGGLE_SELECTED'; id: string }
	| { type: 'QUIZ_SET_EDITING'; id: string | null }
	| { type: 'QUIZ_REGENERATING'; id: string; active: boolean }
	| { type: 'QUIZ_EXPIRED' }
	| { type: 'QUIZ_RESET' };

export type QuizThunkArgs = StoreThunkArgs<
	QuizState,
	typeof actions,
	typeof selectors,
	QuizAction
>;

export type QuizThunk< R = void > = ( args: QuizThunkArgs ) => Promise< R >;
