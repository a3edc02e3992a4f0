/** The conversation itself: id, title, messages, the streaming reply and its cards, the created course. */
import { EMPTY_ARRAY } from '../constants';
import type { Action, SessionState } from '../types';

export const INITIAL_SESSION: SessionState = {
	id: null,
	title: '',
	savedTitle: '',
	messages: EMPTY_ARRAY as unknown as SessionState[ 'messages' ],
	conversationState: 'initial',
	revision: 0,
	updatedAt: null,
	postId: null,
	postType: null,
	createdCourse: null,
	streamingText: null,
	suggestions: EMPTY_ARRAY as unknown as SessionState[ 'suggestions' ],
	demo: false,
};

/** Marks one card of a reply (the newest reply that has it when no index is given). */
function withSuggestionState(
	messages: SessionState[ 'messages' ],
	action: Extract< Action, { type: 'SET_SUGGESTION_STATE' } >
): SessionState[ 'messages' ] {
	const hasCard = ( index: number ) =>
		!! messages[ index ]?.suggestions?.some( ( c ) => c.id === action.id );
	let index = action.messageIndex ?? -1;
	if ( action.messageIndex === undefined ) {
		for ( let i = messages.length - 1; i >= 0 && index < 0; i-- ) {
			index = hasCard( i ) ? i : -1;
		}
	}
	const message = messages[ index ];
	if ( ! message || ! hasCard( index ) ) {
		return messages;
	}
	const next = messages.slice();
	next[ index ] = {
		...message,
		suggestions: message.suggestions!.map( ( card ) => {
			if ( card.id !== action.id ) {
				return card;
			}
			if ( action.state === null ) {
				const { state: _was, ...open } = card;
				return open;
			}
			return { ...card, state: action.state };
		} ),
	};
	return next;
}

export function session(
	state: SessionState = INITIAL_SESSION,
	action: Action
): SessionState {
	switch ( action.type ) {
		case 'RESET_SESSION':
			return {
				...INITIAL_SESSION,
				postId: action.postId,
				postType: action.postType,
				title: action.title,
			};
		case 'SESSION_STARTED':
			// The server stored the new conversation (with its question) before the reply: adopt it.
			return {
				...state,
				id: state.id ?? action.sessionId,
				revision: action.revision,
				title: state.title || action.title,
				savedTitle: action.title,
			};
		case 'MERGE_SERVER_COPY': {
			const server = action.server;
			const serverMessages = Array.isArray( server.messages )
				? server.messages
				: [];
			const last = state.messages[ state.messages.length - 1 ];
			const serverLast = serverMessages[ serverMessages.length - 1 ];
			// Replies are written on the server: its messages win; a question still waiting here stays.
			const keepLast =
				last?.failed &&
				! (
					serverLast?.role === 'user' &&
					serverLast.content === last.content
				);
			return {
				...state,
				title:
					state.title !== state.savedTitle && state.title
						? state.title
						: ( server.title ?? state.title ),
				savedTitle: server.title ?? state.savedTitle,
				messages: keepLast
					? [ ...serverMessages, last ]
					: serverMessages,
				conversationState:
					server.conversation_state ?? state.conversationState,
				revision: server.revision,
				updatedAt: server.updated_at ?? state.updatedAt,
			};
		}
		case 'RECEIVE_SESSION': {
			const s = action.session;
			return {
				...INITIAL_SESSION,
				id: s.session_id,
				title: s.title ?? '',
				savedTitle: s.title ?? '',
				messages: Array.isArray( s.messages )
					? s.messages
					: INITIAL_SESSION.messages,
				conversationState: s.conversation_state ?? 'initial',
				revision: s.revision ?? 0,
				updatedAt: s.updated_at ?? null,
				postId: s.post_id ?? state.postId,
				postType:
					state.postId === ( s.post_id ?? state.postId )
						? state.postType
						: null,
				createdCourse: s.created_course_id
					? {
							courseId: s.created_course_id,
							editUrl: '',
							previewUrl: '',
							sectionsCreated: 0,
							lessonsCreated: 0,
						}
					: null,
			};
		}
		case 'RESTORE_BACKUP':
			return {
				...state,
				id: action.sessionId ?? state.id,
				title: action.data.title ?? state.title,
				savedTitle: action.server?.title ?? state.savedTitle,
				messages: Array.isArray( action.data.messages )
					? action.data.messages
					: state.messages,
				conversationState:
					action.data.conversation_state ?? state.conversationState,
				revision: action.revision,
				postId: action.data.post_id ?? state.postId,
				streamingText: null,
			};
		case 'SET_SESSION_TITLE':
			return state.title === action.title
				? state
				: { ...state, title: action.title };
		case 'ADD_USER_MESSAGE':
			return {
				...state,
				messages: [ ...state.messages, action.message ],
				streamingText: null,
			};
		case 'MARK_MESSAGE_FAILED': {
			const index = state.messages
				.map( ( m ) => m.role )
				.lastIndexOf( 'user' );
			const last = state.messages[ index ];
			if ( ! last || !! last.failed === action.failed ) {
				return state;
			}
			const messages = state.messages.slice();
			messages[ index ] = action.failed
				? { ...last, failed: true }
				: {
						role: last.role,
						content: last.content,
						...( last.created_at
							? { created_at: last.created_at }
							: {} ),
					};
			return { ...state, messages };
		}
		case 'STREAM_DELTA':
			return {
				...state,
				streamingText: ( state.streamingText ?? '' ) + action.text,
			};
		case 'STREAM_RESET':
			return state.streamingText === null
				? state
				: { ...state, streamingText: null };
		case 'RECEIVE_STRUCTURE':
			return action.conversationState &&
				action.conversationState !== state.conversationState
				? { ...state, conversationState: action.conversationState }
				: state;
		case 'RECEIVE_REPLY':
			return {
				...state,
				id: action.sessionId ?? state.id,
				messages: [
					...state.messages,
					{
						role: 'assistant',
						content: action.message,
						...( action.demo ? { demo: true } : {} ),
						...( action.suggestions?.length
							? { suggestions: action.suggestions }
							: {} ),
					},
				],
				conversationState:
					action.conversationState ?? state.conversationState,
				revision: action.revision ?? state.revision,
				streamingText: null,
				demo: action.demo,
				suggestions: INITIAL_SESSION.suggestions,
			};
		case 'RECEIVE_SUGGESTIONS':
			return { ...state, suggestions: action.suggestions };
		case 'SET_SUGGESTION_STATE': {
			const messages = withSuggestionState( state.messages, action );
			return messages === state.messages ? state : { ...state, messages };
		}
		case 'REMOVE_SUGGESTION':
			return {
				...state,
				suggestions: state.suggestions.filter(
					( s ) => s.id !== action.id
				),
			};
		case 'SAVE_SUCCESS':
			return {
				...state,
				revision: action.revision,
				id: state.id ?? action.sessionId,
				// The server keeps its title when sent an empty one.
				savedTitle: action.title || state.savedTitle,
			};
		case 'ADOPT_REVISION':
			return state.revision === action.revision
				? state
				: { ...state, revision: action.revision };
		case 'COURSE_CREATED':
			return {
				...state,
				createdCourse: action.course,
				conversationState: 'created',
			};
	}
	return state;
}
