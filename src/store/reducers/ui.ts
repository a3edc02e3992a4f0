/** View state saved with the session (never makes it dirty): open sections, the active lesson. */
import { INITIAL_UI } from '../constants';
import type { Action, UiState } from '../types';

export function ui( state: UiState = INITIAL_UI, action: Action ): UiState {
	switch ( action.type ) {
		case 'RESET_SESSION':
			return INITIAL_UI;
		case 'RECEIVE_SESSION': {
			const saved = action.session.ui;
			return saved
				? {
						expandedSections: Array.isArray(
							saved.expanded_sections
						)
							? saved.expanded_sections
							: INITIAL_UI.expandedSections,
						activeLessonId: saved.active_lesson_id ?? null,
					}
				: INITIAL_UI;
		}
		case 'TOGGLE_SECTION': {
			const isOpen = state.expandedSections.includes( action.id );
			const open = action.expanded ?? ! isOpen;
			if ( open === isOpen ) {
				return state;
			}
			return {
				...state,
				expandedSections: open
					? [ ...state.expandedSections, action.id ]
					: state.expandedSections.filter(
							( id ) => id !== action.id
						),
			};
		}
		case 'SET_ACTIVE_LESSON':
			return state.activeLessonId === action.id
				? state
				: { ...state, activeLessonId: action.id };
		case 'DELETE_SECTION':
			return state.expandedSections.includes( action.id )
				? {
						...state,
						expandedSections: state.expandedSections.filter(
							( id ) => id !== action.id
						),
					}
				: state;
		case 'DELETE_LESSON':
			return state.activeLessonId === action.id
				? { ...state, activeLessonId: null }
				: state;
	}
	return state;
}
