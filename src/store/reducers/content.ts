/** Lesson drafting progress: "n of m", the lesson being written and its streaming text. */
import type { Action, ContentProgress } from '../types';

export function content(
	state: ContentProgress | null = null,
	action: Action
): ContentProgress | null {
	switch ( action.type ) {
		case 'CONTENT_PROGRESS':
			return action.progress;
		case 'CONTENT_DELTA':
			return state
				? {
						...state,
						streamingText:
							( state.streamingText ?? '' ) + action.text,
					}
				: state;
		case 'RESET_SESSION':
		case 'RECEIVE_SESSION':
			return null;
	}
	return state;
}

/**
 * Whether the latest reply on this page came from the demo provider (null: no reply yet). It is
 * about the provider, not the session, so switching conversations keeps it.
 */
export function lastReplyDemo(
	state: boolean | null = null,
	action: Action
): boolean | null {
	return action.type === 'RECEIVE_REPLY' ? action.demo : state;
}
