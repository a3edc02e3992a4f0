/** Saving: what is unsaved, the save in flight, its failure or conflict, a restored backup, expiry. */
import { INITIAL_SAVE } from '../constants';
import { OUTLINE_EDIT_ACTIONS } from './outline';
import type { Action, SaveState } from '../types';

/** Actions that change what auto-save sends: each one makes the session dirty. */
export const LOCAL_CHANGE_ACTIONS: ReadonlySet< Action[ 'type' ] > = new Set<
	Action[ 'type' ]
>( [
	...OUTLINE_EDIT_ACTIONS,
	'SET_SESSION_TITLE',
	'MARK_DIRTY',
	'MERGE_SERVER_COPY',
	'SET_SUGGESTION_STATE',
] );

export function save(
	state: SaveState = INITIAL_SAVE,
	action: Action
): SaveState {
	if ( LOCAL_CHANGE_ACTIONS.has( action.type ) ) {
		const keep =
			state.status === 'saving' ||
			state.status === 'conflict' ||
			state.status === 'offline';
		return {
			...state,
			seq: state.seq + 1,
			status: keep ? state.status : 'dirty',
		};
	}
	switch ( action.type ) {
		case 'RESET_SESSION':
		case 'RECEIVE_SESSION':
			return INITIAL_SAVE;
		case 'RESTORE_BACKUP':
			return {
				...INITIAL_SAVE,
				status: 'dirty',
				seq: 1,
				restored: { savedAt: action.savedAt, server: action.server },
			};
		case 'DISMISS_RESTORED':
			return state.restored ? { ...state, restored: null } : state;
		case 'SAVE_START':
			return { ...state, status: 'saving', inFlightSeq: action.seq };
		case 'SAVE_SUCCESS':
			return {
				...state,
				status: state.seq > action.seq ? 'dirty' : 'idle',
				savedSeq: Math.max( state.savedSeq, action.seq ),
				inFlightSeq: null,
				lastSavedAt: action.time,
				error: null,
				failures: 0,
				conflict: null,
			};
		case 'SAVE_FAILURE':
			return {
				...state,
				status: action.offline ? 'offline' : 'error',
				inFlightSeq: null,
				error: action.error,
				failures: state.failures + 1,
			};
		case 'SAVE_CONFLICT':
			return {
				...state,
				status: 'conflict',
				inFlightSeq: null,
				error: action.error,
				conflict: action.server,
			};
		case 'ADOPT_REVISION':
			// "Keep mine": the local copy now builds on the server's revision and must be sent.
			return state.status === 'conflict' || state.conflict
				? {
						...state,
						status: 'dirty',
						conflict: null,
						error: null,
						failures: 0,
						seq: state.seq + 1,
					}
				: state;
	}
	return state;
}

export function expired( state = false, action: Action ): boolean {
	switch ( action.type ) {
		case 'SESSION_EXPIRED':
			return true;
	}
	return state;
}
