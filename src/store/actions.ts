/**
 * Actions of `mpcc/session`: plain action creators for local edits, thunks for everything that
 * talks to the server. Thunks never throw: failures land in the request state (getRequest(key))
 * and the thunk resolves to a falsy value.
 */
import { ajax } from '../api/client';
import {
	ApiError,
	isSessionExpiredCode,
	type ApiErrorCode,
	type ErrorInfo,
} from '../api/errors';
import { toErrorInfo } from '../api/error-messages';
import { SSEClient } from '../api/sse-client';
import { NOTICE_IDS } from './constants';
import { clearNotice } from './notices';
import { backupKey, removeBackup } from './persistence/backup';
import { applyBackup } from './persistence/restore';
import {
	clearConflictNotice,
	expire,
	performSave,
	type SaveOptions,
} from './persistence/save';
import { runtimeFor } from './runtime';
import { generateId } from './structure';
import type { EditorContextInput, SessionSummary } from '../api/types';
import type {
	BlockTarget,
	SuggestionCard,
	SuggestionState,
} from '../schemas/suggestions';
import type {
	Action,
	CreatedCourse,
	Lesson,
	LocalMessage,
	RequestKey,
	Section,
	Thunk,
	ThunkArgs,
} from './types';

type ActionOf< T extends Action[ 'type' ] > = Extract< Action, { type: T } >;

/* ---------- Local edits (plain actions; each is one undo step, typing coalesces) ---------- */

export function setSessionTitle(
	title: string
): ActionOf< 'SET_SESSION_TITLE' > {
	return { type: 'SET_SESSION_TITLE', title };
}
export function setCourseTitle(
	title: string
): ActionOf< 'SET_COURSE_FIELD' > {
	return { type: 'SET_COURSE_FIELD', field: 'title', value: title };
}
export function setCourseDescription(
	description: string
): ActionOf< 'SET_COURSE_FIELD' > {
	return {
		type: 'SET_COURSE_FIELD',
		field: 'description',
		value: description,
	};
}
/** Adds a section (id generated here: read it from the returned action's `section.id`). */
export function addSection(
	section: Partial< Omit< Section, 'lessons' > > & {
		lessons?: Lesson[];
	} = {},
	index?: number
): ActionOf< 'ADD_SECTION' > {
	return {
		type: 'ADD_SECTION',
		section: {
			...section,
			id: section.id ?? generateId( 's' ),
			title: section.title ?? '',
			lessons: section.lessons ?? [],
		},
		index,
	};
}
export function updateSection(
	id: string,
	changes: Partial< Pick< Section, 'title' | 'description' > >
): ActionOf< 'UPDATE_SECTION' > {
	return { type: 'UPDATE_SECTION', id, changes };
}
export function renameSection(
	id: string,
	title: string
): ActionOf< 'UPDATE_SECTION' > {
	return updateSection( id, { title } );
}
export function moveSection(
	id: string,
	toIndex: number
): ActionOf< 'MOVE_SECTION' > {
	return { type: 'MOVE_SECTION', id, toIndex };
}
export function deleteSection( id: string ): ActionOf< 'DELETE_SECTION' > {
	return { type: 'DELETE_SECTION', id };
}
/** Adds a lesson to a section (id generated here: read it from the returned action's `lesson.id`). */
export function addLesson(
	sectionId: string,
	lesson: Partial< Lesson > = {},
	index?: number
): ActionOf< 'ADD_LESSON' > {
	return {
		type: 'ADD_LESSON',
		sectionId,
		lesson: {
			...lesson,
			id: lesson.id ?? generateId( 'l' ),
			title: lesson.title ?? '',
		},
		index,
	};
}
export function updateLesson(
	id: string,
	changes: Partial< Omit< Lesson, 'id' > >
): ActionOf< 'UPDATE_LESSON' > {
	return { type: 'UPDATE_LESSON', id, changes };
}
export function renameLesson(
	id: string,
	title: string
): ActionOf< 'UPDATE_LESSON' > {
	return updateLesson( id, { title } );
}
export function moveLesson(
	id: string,
	toSectionId: string,
	toIndex: number
): ActionOf< 'MOVE_LESSON' > {
	return { type: 'MOVE_LESSON', id, toSectionId, toIndex };
}
export function deleteLesson( id: string ): ActionOf< 'DELETE_LESSON' > {
	return { type: 'DELETE_LESSON', id };
}
export function undo(): ActionOf< 'UNDO' > {
	return { type: 'UNDO' };
}
export function redo(): ActionOf< 'REDO' > {
	return { type: 'REDO' };
}

/* ---------- UI ---------- */

export function setView( view: string ): ActionOf< 'SET_VIEW' > {
	return { type: 'SET_VIEW', view };
}
export function toggleSection(
	id: string,
	expanded?: boolean
): ActionOf< 'TOGGLE_SECTION' > {
	return { type: 'TOGGLE_SECTION', id, expanded };
}
export function setActiveLesson(
	id: string | null
): ActionOf< 'SET_ACTIVE_LESSON' > {
	return { type: 'SET_ACTIVE_LESSON', id };
}
/** Records what became of a card (applied, dismissed, stale); the session keeps it (auto-saved). */
export function setSuggestionState(
	messageIndex: number | undefined,
	id: string,
	state: SuggestionState
): ActionOf< 'SET_SUGGESTION_STATE' > {
	return { type: 'SET_SUGGESTION_STATE', messageIndex, id, state };
}
/** Dismisses a card: a received reply's card is kept as dismissed, one still streaming in is dropped. */
export const dismissSuggestion =
	( id: string, messageIndex?: number ): Thunk =>
	async ( { select, dispatch } ) => {
		if ( select.getSuggestions().length && messageIndex === undefined ) {
			const pending = select
				.getSuggestionCards()
				.find( ( c ) => c.messageIndex < 0 && c.card.id === id );
			if ( pending ) {
				dispatch( { type: 'REMOVE_SUGGESTION', id } );
				return;
			}
		}
		dispatch( setSuggestionState( messageIndex, id, 'dismissed' ) );
	};
export function clearRequestError(
	key: RequestKey = 'chat'
): ActionOf< 'REQUEST_RESET' > {
	return { type: 'REQUEST_RESET', key };
}
export function dismissRestoredNotice(): ActionOf< 'DISMISS_RESTORED' > {
	return { type: 'DISMISS_RESTORED' };
}

/* ---------- Helpers for thunks ---------- */

function clientError( code: ApiErrorCode, info?: ErrorInfo | null ): ApiError {
	return info
		? new ApiError( info.code, info.message, info.status )
		: new ApiError( code, '' );
}

function fail( args: ThunkArgs, key: RequestKey, error: unknown ): void {
	const info = toErrorInfo( error );
	args.dispatch( { type: 'REQUEST_FAILURE', key, error: info } );
	if ( isSessionExpiredCode( info.code ) ) {
		expire( args );
	}
}

/**
 * Another conversation is opened: replies and drafts still streaming for this one are detached (the
 * server finishes and stores them in their own session) and nothing they send reaches the next one.
 */
function leaveSession( args: ThunkArgs ): void {
	const runtime = runtimeFor( args.registry );
	runtime.epoch += 1;
	runtime.contentCancelled = true;
	runtime.streams.clear();
	( [ 'chat', 'assistant', 'content' ] as const ).forEach( ( key ) =>
		args.dispatch( { type: 'REQUEST_RESET', key } )
	);
	args.dispatch( { type: 'CONTENT_PROGRESS', progress: null } );
	args.dispatch( { type: 'STREAM_RESET' } );
}

/** True while the conversation open when it was called is still the open one. */
function stillOpen( args: ThunkArgs ): () => boolean {
	const runtime = runtimeFor( args.registry );
	const epoch = runtime.epoch;
	return () => runtime.epoch === epoch;
}

/**
 * Stop, as the server must see it: save the session now. A reply or draft is stored only on the
 * revision it started from, so moving the revision means nothing of the stopped work is stored.
 */
async function saveOnStop( args: ThunkArgs ): Promise< void > {
	if ( ! args.select.getSessionId() ) {
		return;
	}
	args.dispatch( { type: 'MARK_DIRTY' } );
	await performSave( args );
}

/* ---------- Saving ---------- */

/**
 * Saves now if there are unsaved changes (one request in flight at most; a save asked for while
 * one runs waits and then sends the latest). Auto-save calls this; so may a "Save" button.
 */
export const save =
	( options: SaveOptions = {} ): Thunk =>
	async ( args ) =>
		performSave( args, options );

/** 409 choices: "mine" resends the local copy on the server's revision; "theirs" takes the server copy. */
export const resolveConflict =
	( choice: 'mine' | 'theirs' ): Thunk< boolean > =>
	async ( args ) => {
		const { select, dispatch, registry } = args;
		const server = select.getConflict();
		if ( ! server ) {
			return false;
		}
		clearConflictNotice( registry );
		if ( choice === 'mine' ) {
			dispatch( { type: 'ADOPT_REVISION', revision: server.revision } );
			await performSave( args );
			return true;
		}
		removeBackup(
			backupKey( {
				sessionId: select.getSessionId(),
				postId: select.getPostId(),
			} )
		);
		dispatch( { type: 'RECEIVE_SESSION', session: server } );
		return true;
	};

/** Restores this device's backup of the current session (even if not newer than the server's). */
export const restoreBackup = (): Thunk< boolean > => async ( args ) =>
	applyBackup( args, null, { force: true } );

/** After a restore: throw the restored copy away and use the server's. */
export const discardRestoredBackup =
	(): Thunk =>
	async ( { select, dispatch, registry } ) => {
		const restored = select.getRestoredBackup();
		removeBackup(
			backupKey( {
				sessionId: select.getSessionId(),
				postId: select.getPostId(),
			} )
		);
		clearNotice( registry, NOTICE_IDS.restored );
		if ( restored?.server ) {
			dispatch( { type: 'RECEIVE_SESSION', session: restored.server } );
		} else {
			dispatch( {
				type: 'RESET_SESSION',
				postId: select.getPostId(),
				postType: select.getPostType(),
				title: '',
			} );
		}
	};

/* ---------- Sessions ---------- */

/** Starts a new, empty session (saving the current one first). A never-saved draft left on this device is restored. */
export const startSession =
	( {
		postId = null,
		postType = null,
		title = '',
	}: {
		postId?: number | null;
		postType?: string | null;
		title?: string;
	} = {} ): Thunk =>
	async ( args ) => {
		await performSave( args );
		leaveSession( args );
		args.dispatch( { type: 'RESET_SESSION', postId, postType, title } );
		applyBackup( args, null );
	};

/**
 * After the course was created its outline is read-only: this starts a new conversation holding a
 * copy of it (drafts included) to shape and create again.
 */
export const startNewVersion =
	( title = '' ): Thunk =>
	async ( args ) => {
		const structure = args.select.getCourseStructure();
		await performSave( args );
		leaveSession( args );
		args.dispatch( {
			type: 'RESET_SESSION',
			postId: null,
			postType: null,
			title,
		} );
		if ( structure ) {
			args.dispatch( {
				type: 'RECEIVE_STRUCTURE',
				structure,
				conversationState: 'course_structure',
			} );
		}
		args.dispatch( { type: 'MARK_DIRTY' } );
		await performSave( args );
	};

export const loadSession =
	( sessionId: string ): Thunk< boolean > =>
	async ( args ) => {
		const { dispatch } = args;
		await performSave( args );
		leaveSession( args );
		const open = stillOpen( args );
		dispatch( { type: 'REQUEST_START', key: 'load' } );
		try {
			const { session } = await ajax( 'mpcc_load_session', {
				session_id: sessionId,
			} );
			if ( ! open() ) {
				return false;
			}
			dispatch( { type: 'RECEIVE_SESSION', session } );
			dispatch( { type: 'REQUEST_SUCCESS', key: 'load' } );
			applyBackup( args, session );
			return true;
		} catch ( error ) {
			fail( args, 'load', error );
			return false;
		}
	};

export const fetchSessions =
	( {
		page = 1,
		perPage = 20,
		search = '',
		postId = null,
	}: {
		page?: number;
		perPage?: number;
		search?: string;
		postId?: number | null;
	} = {} ): Thunk< SessionSummary[] > =>
	async ( args ) => {
		const { dispatch } = args;
		dispatch( { type: 'REQUEST_START', key: 'sessions' } );
		try {
			const reply = await ajax( 'mpcc_list_sessions', {
				page,
				per_page: perPage,
				search: search || undefined,
				post_id: postId ?? undefined,
			} );
			const items = Array.isArray( reply.sessions ) ? reply.sessions : [];
			dispatch( {
				type: 'RECEIVE_SESSION_LIST',
				items,
				total:
					typeof reply.total === 'number'
						? reply.total
						: items.length,
				query: { page, perPage, search, postId },
			} );
			dispatch( { type: 'REQUEST_SUCCESS', key: 'sessions' } );
			return items;
		} catch ( error ) {
			fail( args, 'sessions', error );
			return [];
		}
	};

export const deleteSession =
	( sessionId: string ): Thunk< boolean > =>
	async ( args ) => {
		const { select, dispatch } = args;
		dispatch( { type: 'REQUEST_START', key: 'sessions' } );
		try {
			await ajax( 'mpcc_delete_session', { session_id: sessionId } );
			dispatch( { type: 'REMOVE_SESSION_FROM_LIST', sessionId } );
			removeBackup( backupKey( { sessionId, postId: null } ) );
			if ( select.getSessionId() === sessionId ) {
				leaveSession( args );
				dispatch( {
					type: 'RESET_SESSION',
					postId: select.getPostId(),
					postType: select.getPostType(),
					title: '',
				} );
			}
			dispatch( { type: 'REQUEST_SUCCESS', key: 'sessions' } );
			return true;
		} catch ( error ) {
			fail( args, 'sessions', error );
			return false;
		}
	};

/**
 * Renames a session. The current one is renamed locally and auto-saved; another one is loaded,
 * then saved with the new title on its revision (there is no rename action on the server).
 */
export const renameSession =
	( title: string, sessionId?: string ): Thunk< boolean > =>
	async ( args ) => {
		const { select, dispatch } = args;
		const trimmed = title.trim();
		if ( ! trimmed ) {
			return false;
		}
		if ( ! sessionId || sessionId === select.getSessionId() ) {
			dispatch( setSessionTitle( trimmed ) );
			const id = select.getSessionId();
			if ( id ) {
				dispatch( {
					type: 'UPDATE_SESSION_IN_LIST',
					sessionId: id,
					changes: { title: trimmed },
				} );
			}
			return true;
		}
		dispatch( { type: 'REQUEST_START', key: 'sessions' } );
		try {
			const { session } = await ajax( 'mpcc_load_session', {
				session_id: sessionId,
			} );
			const reply = await ajax( 'mpcc_auto_save_session', {
				session_id: sessionId,
				revision: session.revision,
				session_data: {
					title: trimmed,
					messages: session.messages,
					course_structure: session.course_structure,
					conversation_state: session.conversation_state,
					...( session.ui ? { ui: session.ui } : {} ),
					...( session.post_id ? { post_id: session.post_id } : {} ),
				},
			} );
			dispatch( {
				type: 'UPDATE_SESSION_IN_LIST',
				sessionId,
				changes: { title: trimmed },
			} );
			dispatch( { type: 'REQUEST_SUCCESS', key: 'sessions' } );
			return reply.auto_saved !== false;
		} catch ( error ) {
			fail( args, 'sessions', error );
			return false;
		}
	};

/**
 * Sidebar: the session of a post (one per post and user). Loads it when the bridge has one
 * (`mpcc_list_sessions` with `post_id`), else starts one bound to the post; auto-save sends
 * `post_id` in `session_data` so the bridge can find it next time.
 */
export const openPostSession =
	( postId: number, postType: string ): Thunk< boolean > =>
	async ( args ) => {
		const { select, dispatch } = args;
		if (
			select.getPostId() === postId &&
			( select.getSessionId() || select.isRequesting( 'load' ) )
		) {
			return true;
		}
		await performSave( args );
		leaveSession( args );
		dispatch( { type: 'RESET_SESSION', postId, postType, title: '' } );
		dispatch( { type: 'REQUEST_START', key: 'load' } );
		try {
			const { sessions } = await ajax( 'mpcc_list_sessions', {
				post_id: postId,
				page: 1,
				per_page: 1,
			} );
			const found = ( sessions ?? [] ).find(
				( s ) => ! s.post_id || s.post_id === postId
			);
			if ( found ) {
				const { session } = await ajax( 'mpcc_load_session', {
					session_id: found.session_id,
				} );
				dispatch( {
					type: 'RECEIVE_SESSION',
					session: { ...session, post_id: session.post_id ?? postId },
				} );
				applyBackup( args, session );
			} else {
				applyBackup( args, null );
			}
			dispatch( { type: 'REQUEST_SUCCESS', key: 'load' } );
			return true;
		} catch ( error ) {
			fail( args, 'load', error );
			// Unsaved work for this post on this device is still worth showing.
			applyBackup( args, null );
			return false;
		}
	};

/* ---------- Chat ---------- */

function userMessage( content: string ): LocalMessage {
	return { role: 'user', content, created_at: new Date().toISOString() };
}

/** Course editor: sends a message. The user's message shows at once; the reply streams in. */
export const sendMessage =
	( text: string ): Thunk< boolean > =>
	async ( args ) => {
		const message = text.trim();
		if ( ! message || args.select.isRequesting( 'chat' ) ) {
			return false;
		}
		args.dispatch( {
			type: 'ADD_USER_MESSAGE',
			message: userMessage( message ),
		} );
		return runChat( args, message );
	};

async function runChat( args: ThunkArgs, message: string ): Promise< boolean > {
	const { select, dispatch, registry } = args;
	const open = stillOpen( args );
	// The server answers from its saved copy: make it the latest first.
	await performSave( args );
	if ( ! open() ) {
		return false;
	}
	dispatch( { type: 'REQUEST_START', key: 'chat' } );
	let streamedStructure: string | null = null;
	const client = new SSEClient(
		'mpcc_chat_message',
		{ message, session_id: select.getSessionId() },
		{
			session: ( data ) =>
				open() &&
				dispatch( {
					type: 'SESSION_STARTED',
					sessionId: data.session_id,
					title: data.title ?? '',
					revision: data.revision,
				} ),
			delta: ( { text } ) => {
				if ( open() ) {
					dispatch( { type: 'REQUEST_STREAMING', key: 'chat' } );
					dispatch( { type: 'STREAM_DELTA', text } );
				}
			},
			structure: ( data ) => {
				if ( ! open() ) {
					return;
				}
				streamedStructure = JSON.stringify(
					data.course_structure ?? null
				);
				dispatch( {
					type: 'RECEIVE_STRUCTURE',
					structure: data.course_structure ?? null,
					conversationState: data.conversation_state,
				} );
			},
		}
	);
	const { streams } = runtimeFor( registry );
	streams.set( 'chat', client );
	try {
		const reply = await client.done;
		if ( ! open() ) {
			return false;
		}
		const structure = reply.course_structure ?? null;
		dispatch( {
			type: 'RECEIVE_REPLY',
			message: reply.message ?? '',
			structure:
				structure && JSON.stringify( structure ) !== streamedStructure
					? structure
					: undefined,
			sessionId: reply.session_id,
			conversationState: reply.conversation_state,
			revision: reply.revision,
			demo: !! reply.demo,
		} );
		dispatch( { type: 'REQUEST_SUCCESS', key: 'chat' } );
		return true;
	} catch ( error ) {
		return open() && failStreamedReply( args, 'chat', error );
	} finally {
		if ( streams.get( 'chat' ) === client ) {
			streams.delete( 'chat' );
		}
	}
}

/**
 * A streamed reply that did not arrive: the partial text goes, the user's message is marked for retry,
 * and the request is either reset and the session saved (the user pressed Stop: the server stores
 * nothing of the turn) or failed with its error.
 */
async function failStreamedReply(
	args: Parameters< Thunk >[ 0 ],
	key: 'chat' | 'assistant',
	error: unknown
): Promise< false > {
	args.dispatch( { type: 'STREAM_RESET' } );
	args.dispatch( { type: 'MARK_MESSAGE_FAILED', failed: true } );
	if ( toErrorInfo( error ).code === 'mpcc_aborted' ) {
		args.dispatch( { type: 'REQUEST_RESET', key } );
		await saveOnStop( args );
	} else {
		fail( args, key, error );
	}
	return false;
}

/** Sidebar: asks about the post being edited. `context` is the live editor state (unsaved edits included). */
export const sendAssistantMessage =
	(
		text: string,
		context: EditorContextInput,
		target: BlockTarget | null = null
	): Thunk< boolean > =>
	async ( args ) => {
		const message = text.trim();
		if ( ! message || args.select.isRequesting( 'assistant' ) ) {
			return false;
		}
		if ( args.select.hasUnsavedChanges() ) {
			// Cards applied or dismissed since the last save go first: the bridge adds this message itself.
			await performSave( args );
		}
		args.dispatch( {
			type: 'ADD_USER_MESSAGE',
			message: userMessage( message ),
		} );
		runtimeFor( args.registry ).assistantContext = context;
		runtimeFor( args.registry ).assistantTarget = target;
		return runAssistant( args, message, context );
	};

async function runAssistant(
	args: ThunkArgs,
	message: string,
	context: EditorContextInput
): Promise< boolean > {
	const { select, dispatch, registry } = args;
	const postId = select.getPostId();
	const postType = select.getPostType();
	if ( ! postId || ! postType ) {
		dispatch( { type: 'MARK_MESSAGE_FAILED', failed: true } );
		fail( args, 'assistant', clientError( 'mpcc_invalid_parameter' ) );
		return false;
	}
	const open = stillOpen( args );
	await performSave( args );
	if ( ! open() ) {
		return false;
	}
	dispatch( { type: 'REQUEST_START', key: 'assistant' } );
	const client = new SSEClient(
		'mpcc_editor_ai_chat',
		{
			post_id: postId,
			post_type: postType,
			message,
			session_id: select.getSessionId(),
			context,
		},
		{
			delta: ( { text } ) => {
				if ( open() ) {
					dispatch( {
						type: 'REQUEST_STREAMING',
						key: 'assistant',
					} );
					dispatch( { type: 'STREAM_DELTA', text } );
				}
			},
			suggestions: ( { suggestions } ) =>
				open() &&
				dispatch( {
					type: 'RECEIVE_SUGGESTIONS',
					suggestions: Array.isArray( suggestions )
						? suggestions
						: [],
				} ),
		}
	);
	const { streams } = runtimeFor( registry );
	streams.set( 'assistant', client );
	try {
		const reply = await client.done;
		if ( ! open() ) {
			return false;
		}
		const { assistantTarget } = runtimeFor( registry );
		// A replace card keeps the block it was made for, not whatever is selected when it is applied.
		const cards: SuggestionCard[] = (
			Array.isArray( reply.suggestions ) ? reply.suggestions : []
		).map( ( suggestion ) =>
			suggestion.type === 'replace_block' && assistantTarget
				? { ...suggestion, target: assistantTarget }
				: suggestion
		);
		dispatch( {
			type: 'RECEIVE_REPLY',
			message: reply.message ?? '',
			sessionId: reply.session_id ?? null,
			revision: reply.revision,
			demo: !! reply.demo,
			suggestions: cards,
		} );
		if ( cards.some( ( card ) => card.target ) ) {
			// The server stored the reply without the target, which only the editor knows.
			dispatch( { type: 'MARK_DIRTY' } );
		}
		dispatch( { type: 'REQUEST_SUCCESS', key: 'assistant' } );
		return true;
	} catch ( error ) {
		return open() && failStreamedReply( args, 'assistant', error );
	} finally {
		if ( streams.get( 'assistant' ) === client ) {
			streams.delete( 'assistant' );
		}
	}
}

/** Stops the reply being streamed (chat or assistant). The user's message stays, marked for retry. */
export const stopMessage =
	(): Thunk =>
	async ( { registry } ) => {
		const { streams } = runtimeFor( registry );
		streams.get( 'chat' )?.close();
		streams.get( 'assistant' )?.close();
	};

/** Sends the last user message again after a failure or a stop (the sidebar resends its last context unless given a new one). */
export const retryMessage =
	(
		context?: EditorContextInput,
		target?: BlockTarget | null
	): Thunk< boolean > =>
	async ( args ) => {
		const { select, dispatch, registry } = args;
		const last = select.getRetryableMessage();
		if (
			! last ||
			select.isRequesting( 'chat' ) ||
			select.isRequesting( 'assistant' )
		) {
			return false;
		}
		dispatch( { type: 'MARK_MESSAGE_FAILED', failed: false } );
		const runtime = runtimeFor( registry );
		const assistantContext = context ?? runtime.assistantContext;
		if ( select.getPostId() && assistantContext ) {
			runtime.assistantContext = assistantContext;
			if ( target !== undefined ) {
				runtime.assistantTarget = target;
			}
			return runAssistant( args, last.content, assistantContext );
		}
		return runChat( args, last.content );
	};

/* ---------- Lesson content ---------- */

/** Makes sure the server has the session (content generation and course creation read it there). */
async function ensureSaved( args: ThunkArgs ): Promise< string | null > {
	if ( ! args.select.getSessionId() && ! args.select.hasUnsavedChanges() ) {
		args.dispatch( { type: 'MARK_DIRTY' } );
	}
	await performSave( args );
	return args.select.getSessionId();
}

async function generateOne(
	args: ThunkArgs,
	lessonId: string,
	instructions?: string
): Promise< string | null > {
	const { select, dispatch, registry } = args;
	const sectionId = select.getLessonSectionId( lessonId );
	const sessionId = select.getSessionId();
	if ( ! sectionId || ! sessionId ) {
		return null;
	}
	const open = stillOpen( args );
	const client = new SSEClient(
		'mpcc_generate_lesson_content',
		{
			session_id: sessionId,
			section_id: sectionId,
			lesson_id: lessonId,
			...( instructions ? { instructions } : {} ),
		},
		{
			delta: ( { text } ) => {
				if ( open() ) {
					dispatch( { type: 'REQUEST_STREAMING', key: 'content' } );
					dispatch( { type: 'CONTENT_DELTA', text } );
				}
			},
		}
	);
	const { streams } = runtimeFor( registry );
	streams.set( 'content', client );
	try {
		const reply = await client.done;
		if ( ! open() ) {
			return null;
		}
		if ( typeof reply.content === 'string' && reply.content ) {
			dispatch( {
				type: 'SET_LESSON_CONTENT',
				id: lessonId,
				content: reply.content,
			} );
			return reply.content;
		}
		return null;
	} finally {
		if ( streams.get( 'content' ) === client ) {
			streams.delete( 'content' );
		}
	}
}

/** Writes one lesson's content (streamed; progress under getContentProgress()). Resolves to the content or null. */
export const generateLessonContent =
	(
		lessonId: string,
		options: { instructions?: string } = {}
	): Thunk< string | null > =>
	async ( args ) => {
		const { select, dispatch } = args;
		if (
			select.isRequesting( 'content' ) ||
			! select.getLesson( lessonId )
		) {
			return null;
		}
		const open = stillOpen( args );
		dispatch( { type: 'REQUEST_START', key: 'content' } );
		dispatch( {
			type: 'CONTENT_PROGRESS',
			progress: {
				done: 0,
				total: 1,
				currentLessonId: lessonId,
				failed: [],
				streamingText: null,
			},
		} );
		try {
			if ( ! ( await ensureSaved( args ) ) ) {
				throw clientError( 'mpcc_general', select.getSaveError() );
			}
			const content = await generateOne(
				args,
				lessonId,
				options.instructions
			);
			if ( open() ) {
				dispatch( { type: 'CONTENT_PROGRESS', progress: null } );
				dispatch( { type: 'REQUEST_SUCCESS', key: 'content' } );
			}
			return content;
		} catch ( error ) {
			await endContentRun( args, open, error );
			return null;
		}
	};

/**
 * Writes every lesson without content (or all, with `overwrite`), one at a time, with progress
 * "n of m". A failing lesson is recorded and skipped; an expired session, offline or stop ends the run.
 */
export const generateAllLessonContent =
	( { overwrite = false }: { overwrite?: boolean } = {} ): Thunk< {
		done: number;
		failed: string[];
	} > =>
	async ( args ) => {
		const { select, dispatch, registry } = args;
		if ( select.isRequesting( 'content' ) ) {
			return { done: 0, failed: [] };
		}
		const lessons = overwrite
			? select.getAllLessons()
			: select.getLessonsWithoutContent();
		const ids = lessons.map( ( l ) => l.id );
		const runtime = runtimeFor( registry );
		runtime.contentCancelled = false;
		const open = stillOpen( args );
		const failed: string[] = [];
		let done = 0;
		dispatch( { type: 'REQUEST_START', key: 'content' } );
		const progress = ( currentLessonId: string | null ) =>
			dispatch( {
				type: 'CONTENT_PROGRESS',
				progress: {
					done,
					total: ids.length,
					currentLessonId,
					failed: failed.slice(),
					streamingText: null,
				},
			} );
		try {
			if ( ids.length && ! ( await ensureSaved( args ) ) ) {
				throw clientError( 'mpcc_general', select.getSaveError() );
			}
			for ( const id of ids ) {
				if ( runtime.contentCancelled || ! open() ) {
					break;
				}
				progress( id );
				try {
					await generateOne( args, id );
					done += 1;
				} catch ( error ) {
					const code = toErrorInfo( error ).code;
					if (
						code === 'mpcc_aborted' ||
						code === 'mpcc_offline' ||
						isSessionExpiredCode( code )
					) {
						throw error;
					}
					failed.push( id );
				}
			}
			if ( open() ) {
				dispatch( { type: 'CONTENT_PROGRESS', progress: null } );
				dispatch( { type: 'REQUEST_SUCCESS', key: 'content' } );
			}
		} catch ( error ) {
			await endContentRun( args, open, error );
		}
		return { done, failed };
	};

/** A drafting run that ended early: Stop (saved at once, so the server keeps no stopped draft) or an error. */
async function endContentRun(
	args: ThunkArgs,
	open: () => boolean,
	error: unknown
): Promise< void > {
	if ( ! open() ) {
		return;
	}
	args.dispatch( { type: 'CONTENT_PROGRESS', progress: null } );
	if ( toErrorInfo( error ).code === 'mpcc_aborted' ) {
		args.dispatch( { type: 'REQUEST_RESET', key: 'content' } );
		await saveOnStop( args );
	} else {
		fail( args, 'content', error );
	}
}

export const stopContentGeneration =
	(): Thunk =>
	async ( { registry } ) => {
		const runtime = runtimeFor( registry );
		runtime.contentCancelled = true;
		runtime.streams.get( 'content' )?.close();
	};

/* ---------- Course ---------- */

/**
 * Creates the course from the outline. Idempotent: a session that already created its course
 * returns that course, and a second call while the first runs shares its result.
 */
export const createCourse =
	(): Thunk< CreatedCourse | null > => async ( args ) => {
		const { select, dispatch, registry } = args;
		const existing = select.getCreatedCourse();
		if ( existing ) {
			return existing;
		}
		const runtime = runtimeFor( registry );
		if ( runtime.creating ) {
			return runtime.creating;
		}
		const run = async (): Promise< CreatedCourse | null > => {
			const structure = select.getCourseStructure();
			if ( ! structure || ! select.canCreateCourse() ) {
				// The button says why; a caller that skipped it gets the first reason.
				const info = toErrorInfo(
					clientError( 'mpcc_invalid_parameter' )
				);
				const reason = select.getCreationBlockers()[ 0 ]?.message;
				dispatch( {
					type: 'REQUEST_FAILURE',
					key: 'create',
					error: reason ? { ...info, message: reason } : info,
				} );
				return null;
			}
			const open = stillOpen( args );
			const sessionId = await ensureSaved( args );
			dispatch( { type: 'REQUEST_START', key: 'create' } );
			try {
				if ( ! sessionId ) {
					throw clientError( 'mpcc_general', select.getSaveError() );
				}
				const reply = await ajax( 'mpcc_create_course', {
					session_id: sessionId,
					course_data: select.getCourseStructure() ?? structure,
				} );
				if ( ! open() ) {
					return null;
				}
				const course: CreatedCourse = {
					courseId: reply.course_id,
					editUrl: reply.edit_url,
					previewUrl: reply.preview_url,
					sectionsCreated: reply.sections_created,
					lessonsCreated: reply.lessons_created,
				};
				dispatch( { type: 'COURSE_CREATED', course } );
				if ( typeof reply.revision === 'number' ) {
					// The bridge stored created_course_id on the session: build on that revision.
					dispatch( {
						type: 'ADOPT_REVISION',
						revision: reply.revision,
					} );
				}
				dispatch( { type: 'REQUEST_SUCCESS', key: 'create' } );
				return course;
			} catch ( error ) {
				fail( args, 'create', error );
				return null;
			}
		};
		runtime.creating = run().finally( () => {
			runtime.creating = null;
		} );
		return runtime.creating;
	};
