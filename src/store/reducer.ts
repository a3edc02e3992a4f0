import { combineReducers } from '@wordpress/data';
import {
	EMPTY_ARRAY,
	HISTORY_LIMIT,
	INITIAL_REQUEST,
	INITIAL_SAVE,
	INITIAL_UI,
	REQUEST_KEYS,
} from './constants';
import { COURSE_MARK, mergeStructure } from './merge';
import * as ops from './structure';
import type {
	Action,
	ContentProgress,
	CourseStructure,
	EditMark,
	MarkField,
	OutlineState,
	RequestKey,
	RequestState,
	SaveState,
	ServerSession,
	SessionListState,
	SessionState,
	State,
	UiState,
} from './types';

/** Actions that change what auto-save sends: each one makes the session dirty. */
export const LOCAL_CHANGE_ACTIONS: ReadonlySet< Action[ 'type' ] > = new Set<
	Action[ 'type' ]
>( [
	'SET_SESSION_TITLE',
	'SET_COURSE_FIELD',
	'ADD_SECTION',
	'UPDATE_SECTION',
	'MOVE_SECTION',
	'DELETE_SECTION',
	'ADD_LESSON',
	'UPDATE_LESSON',
	'MOVE_LESSON',
	'DELETE_LESSON',
	'SET_LESSON_CONTENT',
	'UNDO',
	'REDO',
	'MARK_DIRTY',
	'MERGE_SERVER_COPY',
	'SET_SUGGESTION_STATE',
] );

/** What changes the outline: none of it applies once the course was created from it. */
const OUTLINE_EDIT_ACTIONS: ReadonlySet< Action[ 'type' ] > = new Set<
	Action[ 'type' ]
>( [
	'SET_COURSE_FIELD',
	'ADD_SECTION',
	'UPDATE_SECTION',
	'MOVE_SECTION',
	'DELETE_SECTION',
	'ADD_LESSON',
	'UPDATE_LESSON',
	'MOVE_LESSON',
	'DELETE_LESSON',
	'SET_LESSON_CONTENT',
	'UNDO',
	'REDO',
] );

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
		suggestions: message.suggestions!.map( ( card ) =>
			card.id === action.id ? { ...card, state: action.state } : card
		),
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

export const INITIAL_OUTLINE: OutlineState = {
	present: null,
	past: EMPTY_ARRAY as unknown as OutlineState[ 'past' ],
	future: EMPTY_ARRAY as unknown as OutlineState[ 'future' ],
	lastEditKey: null,
	editSeq: 0,
	marks: {},
	base: null,
	locked: false,
};

/** The edit's effect on the structure, its undo-coalescing key, and the mark it leaves. */
function applyEdit(
	present: CourseStructure,
	action: Action
): {
	next: CourseStructure;
	key: string | null;
	markId: string;
	mark: Omit< EditMark, 'seq' >;
} | null {
	switch ( action.type ) {
		case 'SET_COURSE_FIELD':
			return {
				next: ops.setCourseField( present, action.field, action.value ),
				key: `course:${ action.field }`,
				markId: COURSE_MARK,
				mark: { fields: [ action.field ] },
			};
		case 'ADD_SECTION':
			return {
				next: ops.addSection( present, action.section, action.index ),
				key: null,
				markId: action.section.id,
				mark: { fields: [], place: true },
			};
		case 'UPDATE_SECTION': {
			const fields = Object.keys( action.changes ).sort() as MarkField[];
			return {
				next: ops.updateSection( present, action.id, action.changes ),
				key: `section:${ action.id }:${ fields.join() }`,
				markId: action.id,
				mark: { fields },
			};
		}
		case 'MOVE_SECTION':
			return {
				next: ops.moveSection( present, action.id, action.toIndex ),
				key: null,
				markId: action.id,
				mark: { fields: [], place: true },
			};
		case 'DELETE_SECTION':
			return {
				next: ops.deleteSection( present, action.id ),
				key: null,
				markId: action.id,
				mark: { fields: [], deleted: true },
			};
		case 'ADD_LESSON':
			return {
				next: ops.addLesson(
					present,
					action.sectionId,
					action.lesson,
					action.index
				),
				key: null,
				markId: action.lesson.id,
				mark: { fields: [], place: true },
			};
		case 'UPDATE_LESSON': {
			const fields = Object.keys( action.changes ).sort() as MarkField[];
			return {
				next: ops.updateLesson( present, action.id, action.changes ),
				key: `lesson:${ action.id }:${ fields.join() }`,
				markId: action.id,
				mark: { fields },
			};
		}
		case 'MOVE_LESSON':
			return {
				next: ops.moveLesson(
					present,
					action.id,
					action.toSectionId,
					action.toIndex
				),
				key: null,
				markId: action.id,
				mark: { fields: [], place: true },
			};
		case 'DELETE_LESSON':
			return {
				next: ops.deleteLesson( present, action.id ),
				key: null,
				markId: action.id,
				mark: { fields: [], deleted: true },
			};
	}
	return null;
}

function mergeMark(
	previous: EditMark | undefined,
	mark: Omit< EditMark, 'seq' >,
	seq: number
): EditMark {
	const fields = Array.from(
		new Set( [ ...( previous?.fields ?? [] ), ...mark.fields ] )
	);
	const next: EditMark = { seq, fields };
	if ( mark.place || previous?.place ) {
		next.place = true;
	}
	if ( mark.deleted ) {
		next.deleted = true;
	}
	return next;
}

/** Lesson content kept as drafts beside the session fills lessons that carry none. */
function withDrafts(
	structure: CourseStructure,
	drafts: Record< string, string > | undefined
): CourseStructure {
	if ( ! drafts || typeof drafts !== 'object' ) {
		return structure;
	}
	let next = structure;
	for ( const [ id, draft ] of Object.entries( drafts ) ) {
		const found = ops.findLesson( next, id );
		if (
			found &&
			! found.lesson.content &&
			typeof draft === 'string' &&
			draft
		) {
			next = ops.updateLesson( next, id, { content: draft } );
		}
	}
	return next;
}

/** A server copy's structure as the outline holds it (ids made sure, stored drafts filled in). */
function serverStructure( server: ServerSession ): CourseStructure | null {
	return server.course_structure
		? withDrafts(
				ops.ensureIds( server.course_structure ),
				server.lesson_drafts
			)
		: null;
}

function pushPast(
	past: OutlineState[ 'past' ],
	present: CourseStructure | null
): OutlineState[ 'past' ] {
	const next = [ ...past, present ];
	return next.length > HISTORY_LIMIT
		? next.slice( next.length - HISTORY_LIMIT )
		: next;
}

export function outline(
	state: OutlineState = INITIAL_OUTLINE,
	action: Action
): OutlineState {
	switch ( action.type ) {
		case 'RESET_SESSION':
			return INITIAL_OUTLINE;
		case 'RECEIVE_SESSION': {
			const present = serverStructure( action.session );
			return {
				...INITIAL_OUTLINE,
				present,
				base: present,
				locked: !! action.session.created_course_id,
			};
		}
		case 'RESTORE_BACKUP': {
			let present = state.present;
			if ( 'course_structure' in action.data ) {
				present = action.data.course_structure
					? ops.ensureIds( action.data.course_structure )
					: null;
			}
			// A backup without an outline was undone past its first one: the server's stays.
			return {
				...INITIAL_OUTLINE,
				present,
				base: action.server ? serverStructure( action.server ) : null,
				locked: state.locked || !! action.server?.created_course_id,
			};
		}
		case 'MERGE_SERVER_COPY': {
			const server = serverStructure( action.server );
			if ( ! server ) {
				return { ...state, base: null };
			}
			return {
				...state,
				present: mergeStructure( state.present, server, state.marks ),
				past: pushPast( state.past, state.present ),
				future: EMPTY_ARRAY as unknown as OutlineState[ 'future' ],
				lastEditKey: null,
				base: server,
			};
		}
		case 'COURSE_CREATED':
			return { ...state, locked: true, base: state.present };
		case 'SET_COURSE_FIELD':
		case 'ADD_SECTION':
		case 'UPDATE_SECTION':
		case 'MOVE_SECTION':
		case 'DELETE_SECTION':
		case 'ADD_LESSON':
		case 'UPDATE_LESSON':
		case 'MOVE_LESSON':
		case 'DELETE_LESSON': {
			const edit = applyEdit(
				state.present ?? ops.EMPTY_STRUCTURE,
				action
			);
			if (
				! edit ||
				edit.next === ( state.present ?? ops.EMPTY_STRUCTURE )
			) {
				return state;
			}
			const coalesce =
				edit.key !== null && edit.key === state.lastEditKey;
			const editSeq = state.editSeq + 1;
			return {
				...state,
				present: edit.next,
				past: coalesce
					? state.past
					: pushPast( state.past, state.present ),
				future: EMPTY_ARRAY as unknown as OutlineState[ 'future' ],
				lastEditKey: edit.key,
				editSeq,
				marks: {
					...state.marks,
					[ edit.markId ]: mergeMark(
						state.marks[ edit.markId ],
						edit.mark,
						editSeq
					),
				},
			};
		}
		case 'SET_LESSON_CONTENT': {
			if ( ! state.present ) {
				return state;
			}
			const present = ops.updateLesson( state.present, action.id, {
				content: action.content,
			} );
			if ( present === state.present ) {
				return state;
			}
			if ( ops.findLesson( state.present, action.id )?.lesson.content ) {
				// Drafting again replaces a draft (maybe edited by hand): one undo step brings it back.
				return {
					...state,
					present,
					past: pushPast( state.past, state.present ),
					future: EMPTY_ARRAY as unknown as OutlineState[ 'future' ],
					lastEditKey: null,
				};
			}
			// A first draft is not an undo step: undoing other edits keeps it (the server has it too).
			const fill = ( entry: CourseStructure | null ) =>
				entry && ! ops.findLesson( entry, action.id )?.lesson.content
					? ops.updateLesson( entry, action.id, {
							content: action.content,
						} )
					: entry;
			return {
				...state,
				present,
				past: state.past.map( fill ),
				future: state.future.map( fill ),
				lastEditKey: null,
			};
		}
		case 'RECEIVE_STRUCTURE':
		case 'RECEIVE_REPLY': {
			if ( ! action.structure ) {
				return state;
			}
			const present = mergeStructure(
				state.present,
				action.structure,
				state.marks
			);
			return {
				...state,
				present,
				past: pushPast( state.past, state.present ),
				future: EMPTY_ARRAY as unknown as OutlineState[ 'future' ],
				lastEditKey: null,
				base: ops.ensureIds( action.structure ),
			};
		}
		case 'UNDO': {
			if ( state.past.length === 0 ) {
				return state;
			}
			const past = state.past.slice( 0, -1 );
			return {
				...state,
				present: state.past[ state.past.length - 1 ] ?? null,
				past,
				future: [ state.present, ...state.future ].slice(
					0,
					HISTORY_LIMIT
				),
				lastEditKey: null,
			};
		}
		case 'REDO': {
			if ( state.future.length === 0 ) {
				return state;
			}
			return {
				...state,
				present: state.future[ 0 ] ?? null,
				past: pushPast( state.past, state.present ),
				future: state.future.slice( 1 ),
				lastEditKey: null,
			};
		}
		case 'SAVE_SUCCESS': {
			const ids = Object.keys( state.marks );
			const kept = ids.filter(
				( id ) => ( state.marks[ id ] as EditMark ).seq > action.editSeq
			);
			const base =
				action.structure === undefined ? state.base : action.structure;
			if ( kept.length === ids.length && base === state.base ) {
				return state;
			}
			return {
				...state,
				base,
				marks: Object.fromEntries(
					kept.map( ( id ) => [ id, state.marks[ id ] as EditMark ] )
				),
			};
		}
	}
	return state;
}

export function ui( state: UiState = INITIAL_UI, action: Action ): UiState {
	switch ( action.type ) {
		case 'RESET_SESSION':
			return INITIAL_UI;
		case 'RECEIVE_SESSION': {
			const saved = action.session.ui;
			return saved
				? {
						view: saved.view ?? INITIAL_UI.view,
						expandedSections: Array.isArray(
							saved.expanded_sections
						)
							? saved.expanded_sections
							: INITIAL_UI.expandedSections,
						activeLessonId: saved.active_lesson_id ?? null,
					}
				: INITIAL_UI;
		}
		case 'SET_VIEW':
			return state.view === action.view
				? state
				: { ...state, view: action.view };
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

const INITIAL_REQUESTS = Object.fromEntries(
	REQUEST_KEYS.map( ( key ) => [ key, INITIAL_REQUEST ] )
) as Record< RequestKey, RequestState >;

function setRequest(
	state: Record< RequestKey, RequestState >,
	key: RequestKey,
	value: RequestState
): Record< RequestKey, RequestState > {
	const current = state[ key ];
	if ( current.status === value.status && current.error === value.error ) {
		return state;
	}
	return { ...state, [ key ]: value };
}

export function requests(
	state: Record< RequestKey, RequestState > = INITIAL_REQUESTS,
	action: Action
): Record< RequestKey, RequestState > {
	switch ( action.type ) {
		case 'REQUEST_START':
			return setRequest( state, action.key, {
				status: action.streaming ? 'streaming' : 'requesting',
				error: null,
			} );
		case 'REQUEST_STREAMING':
			return state[ action.key ].status === 'requesting'
				? setRequest( state, action.key, {
						status: 'streaming',
						error: null,
					} )
				: state;
		case 'REQUEST_SUCCESS':
			return setRequest( state, action.key, {
				status: 'done',
				error: null,
			} );
		case 'REQUEST_FAILURE':
			return setRequest( state, action.key, {
				status: 'error',
				error: action.error,
			} );
		case 'REQUEST_RESET':
			return setRequest( state, action.key, INITIAL_REQUEST );
		case 'RESET_SESSION':
			return { ...INITIAL_REQUESTS, sessions: state.sessions };
	}
	return state;
}

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

export function expired( state = false, action: Action ): boolean {
	switch ( action.type ) {
		case 'SESSION_EXPIRED':
			return true;
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
