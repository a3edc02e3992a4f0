/** The sessions list: the page received last (see ../resolvers). */
import { EMPTY_ARRAY } from '../constants';
import type { Action, SessionListState } from '../types';

export const INITIAL_SESSION_LIST: SessionListState = {
	items: EMPTY_ARRAY as unknown as SessionListState[ 'items' ],
	total: 0,
	query: { page: 1, perPage: 20, search: '', postId: null },
};

export function sessions(
	state: SessionListState = INITIAL_SESSION_LIST,
	action: Action
): SessionListState {
	switch ( action.type ) {
		case 'RECEIVE_SESSION_LIST':
			return {
				items: action.items,
				total: action.total,
				query: action.query,
			};
		case 'REMOVE_SESSION_FROM_LIST': {
			const items = state.items.filter(
				( s ) => s.session_id !== action.sessionId
			);
			return items.length === state.items.length
				? state
				: { ...state, items, total: Math.max( 0, state.total - 1 ) };
		}
		case 'UPDATE_SESSION_IN_LIST':
			return state.items.some(
				( s ) => s.session_id === action.sessionId
			)
				? {
						...state,
						items: state.items.map( ( s ) =>
							s.session_id === action.sessionId
								? { ...s, ...action.changes }
								: s
						),
					}
				: state;
	}
	return state;
}
