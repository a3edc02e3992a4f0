import { EMPTY_ARRAY } from '../constants';
import type { QuizOptions } from '../../schemas/quiz';
import type { QuizSourceInput } from '../../api/types';
import type { ErrorInfo } from '../../api/errors';
import type { RequestState } from '../types';
import type { QuizItem, QuizMeta, QuizState } from './types';

export function getSource( state: QuizState ): QuizSourceInput | null {
	return state.source;
}
export function getOptions( state: QuizState ): QuizOptions {
	return state.options;
}
export function getQuestions( state: QuizState ): QuizItem[] {
	return state.questions;
}
export function getQuestion( state: QuizState, id: string ): QuizItem | null {
	return state.questions.find( ( q ) => q.id === id ) ?? null;
}
export function getSelectedIds( state: QuizState ): string[] {
	return state.selected;
}
export function isSelected( state: QuizState, id: string ): boolean {
	return state.selected.includes( id );
}
/*
 * Memoized by hand: WordPress 6.5's wp.data has no createSelector, and this store runs in the
 * quiz bundle on 6.5 and 6.6 alike. Keyed on the two arrays' identity, like createSelector.
 */
let lastQuestions: QuizItem[] | null = null;
let lastSelected: string[] | null = null;
let lastResult: QuizItem[] = EMPTY_ARRAY as unknown as QuizItem[];

/** The questions to insert, in list order. */
export function getSelectedQuestions( state: QuizState ): QuizItem[] {
	if (
		state.questions !== lastQuestions ||
		state.selected !== lastSelected
	) {
		const selected = state.questions.filter( ( q ) =>
			state.selected.includes( q.id )
		);
		lastQuestions = state.questions;
		lastSelected = state.selected;
		lastResult = selected.length
			? selected
			: ( EMPTY_ARRAY as unknown as QuizItem[] );
	}
	return lastResult;
}
/** How many questions in the preview were changed by hand (generating again would replace them). */
export function getEditedCount( state: QuizState ): number {
	return state.edited.length;
}
export function getEditingId( state: QuizState ): string | null {
	return state.editingId;
}
export function getRequest( state: QuizState ): RequestState {
	return state.request;
}
export function isGenerating( state: QuizState ): boolean {
	return (
		state.request.status === 'requesting' ||
		state.request.status === 'streaming'
	);
}
export function getError( state: QuizState ): ErrorInfo | null {
	return state.request.error;
}
/** 422 mpcc_content_too_short carries a suggestion of what to add. */
export function getSuggestion( state: QuizState ): string | null {
	return state.request.error?.suggestion ?? null;
}
export function getMeta( state: QuizState ): QuizMeta | null {
	return state.meta;
}
export function isDemo( state: QuizState ): boolean {
	return state.meta?.demo ?? false;
}
export function isRegenerating( state: QuizState, id: string ): boolean {
	return state.regenerating.includes( id );
}
export function isSessionExpired( state: QuizState ): boolean {
	return state.expired;
}
