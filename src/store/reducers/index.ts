/** The reducer of `mpcc/session`: one slice per domain (see ../README.md "State"). */
import { combineReducers } from '@wordpress/data';
import { content, lastReplyDemo } from './content';
import { outline, OUTLINE_EDIT_ACTIONS } from './outline';
import { expired, save } from './persistence';
import { requests } from './requests';
import { session } from './session';
import { sessions } from './sessions';
import { ui } from './ui';
import type { Action, State } from '../types';

const combined = combineReducers( {
	session,
	outline,
	ui,
	save,
	requests,
	sessions,
	content,
	expired,
	lastReplyDemo,
} ) as unknown as ( state: State | undefined, action: Action ) => State;

/** Once the course is created, the outline is read-only: its edits change nothing, not even "unsaved". */
function reducer( state: State | undefined, action: Action ): State {
	if ( state?.outline.locked && OUTLINE_EDIT_ACTIONS.has( action.type ) ) {
		return state;
	}
	return combined( state, action );
}

export default reducer;

export { INITIAL_SESSION, session } from './session';
export { INITIAL_OUTLINE, outline } from './outline';
export { LOCAL_CHANGE_ACTIONS, expired, save } from './persistence';
export { INITIAL_SESSION_LIST, sessions } from './sessions';
export { content, lastReplyDemo } from './content';
export { requests } from './requests';
export { ui } from './ui';
