/**
 * The conversation: the course editor's chat and the sidebar's assistant, both streamed replies
 * (`docs/contracts.md "Stream events"`), Stop and Retry, and the suggestion cards of the assistant.
 */
import { SSEClient, type SessionEvent } from '../../api/sse-client';
import { performSave } from '../persistence/save';
import { endRequest, type RequestTracker } from '../request-tracking';
import { runtimeFor } from '../runtime';
import { closeStreams, runStream, type OpenStream } from '../stream-lifecycle';
import {
	clientError,
	requestTracker,
	saveOnStop,
	stillOpen,
	type ActionOf,
} from './shared';
import type { EditorContextInput } from '../../api/types';
import type {
	BlockTarget,
	SuggestionCard,
	SuggestionState,
} from '../../schemas/suggestions';
import type { LocalMessage, RequestKey, Thunk, ThunkArgs } from '../types';

function userMessage( content: string ): LocalMessage {
	return { role: 'user', content, created_at: new Date().toISOString() };
}

/**
 * Starts a streamed reply: saves first (the server answers from its saved copy), then returns the
 * request and a `delta` handler, or null when another conversation was opened meanwhile.
 */
async function beginReply( args: ThunkArgs, key: 'chat' | 'assistant' ) {
	const open = stillOpen( args );
	await performSave( args );
	if ( ! open() ) {
		return null;
	}
	const request = requestTracker( args, key );
	request.start();
	const delta = ( { text }: { text: string } ) => {
		if ( open() ) {
			request.streaming();
			args.dispatch( { type: 'STREAM_DELTA', text } );
		}
	};
	return { open, request, delta };
}

/**
 * A streamed reply that did not arrive: the partial text goes, the user's message is marked for retry,
 * and the request is either reset (the user pressed Stop) or failed with its error. Either way the
 * session is saved now, unanswered question included: after Stop the server stores nothing of the
 * turn, and after a failure (the proxy down) a reload still shows the question to retry.
 */
async function failReply(
	args: ThunkArgs,
	request: RequestTracker,
	error: unknown
): Promise< false > {
	args.dispatch( { type: 'STREAM_RESET' } );
	args.dispatch( { type: 'MARK_MESSAGE_FAILED', failed: true } );
	await endRequest( request, error );
	await saveOnStop( args );
	return false;
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

/** How long Stop waits for a new conversation's name before it closes the stream anyway. */
export const NAMING_WAIT_MS = 3000;

/**
 * Stop on a conversation the server has not named yet. The bridge stores a new conversation with its
 * question and names it in the stream's first event, then asks the model; closed before that event,
 * the server would write the whole turn and the browser could not stop it (it saves on Stop, and it
 * does not know which session to save). So Stop waits for the name, a moment, then closes.
 */
function stopOnceNamed( isNamed: () => boolean ) {
	let close = (): void => undefined;
	let stopping = false;
	let timer: ReturnType< typeof setTimeout > | undefined;
	return {
		/** The stream as Stop sees it. */
		wrap< Reply >( stream: OpenStream< Reply > ): OpenStream< Reply > {
			close = () => {
				clearTimeout( timer );
				stream.close();
			};
			return {
				done: stream.done,
				close: () => {
					if ( isNamed() ) {
						close();
						return;
					}
					stopping = true;
					clearTimeout( timer );
					timer = setTimeout( close, NAMING_WAIT_MS );
				},
			};
		},
		stopping: () => stopping,
		/** The session event arrived: a Stop waiting for it closes now. */
		named: () => stopping && close(),
	};
}

/**
 * Stop for one streamed reply, and the handler of the `session` event that names a new conversation
 * (the course chat's, and the sidebar's first on a post).
 */
function stopperFor( { select, dispatch }: ThunkArgs, open: () => boolean ) {
	const stopper = stopOnceNamed( () => select.getSessionId() !== null );
	const session = ( data: SessionEvent ) => {
		if ( open() ) {
			dispatch( {
				type: 'SESSION_STARTED',
				sessionId: data.session_id,
				title: data.title ?? '',
				revision: data.revision,
			} );
		}
		stopper.named();
	};
	return { ...stopper, session };
}

async function runChat( args: ThunkArgs, message: string ): Promise< boolean > {
	const { select, dispatch, registry } = args;
	const reply = await beginReply( args, 'chat' );
	if ( ! reply ) {
		return false;
	}
	const { open, request, delta } = reply;
	let streamedStructure: string | null = null;
	const stopper = stopperFor( args, open );
	const client = new SSEClient(
		'mpcc_chat_message',
		{ message, session_id: select.getSessionId() },
		{
			session: stopper.session,
			delta: ( data ) => ! stopper.stopping() && delta( data ),
			structure: ( data ) => {
				if ( ! open() || stopper.stopping() ) {
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
	try {
		return await runStream(
			registry,
			'chat',
			stopper.wrap( client ),
			( done ) => {
				if ( ! open() ) {
					return false;
				}
				const structure = done.course_structure ?? null;
				dispatch( {
					type: 'RECEIVE_REPLY',
					message: done.message ?? '',
					structure:
						structure &&
						JSON.stringify( structure ) !== streamedStructure
							? structure
							: undefined,
					sessionId: done.session_id,
					conversationState: done.conversation_state,
					revision: done.revision,
					demo: !! done.demo,
				} );
				request.succeed();
				return true;
			}
		);
	} catch ( error ) {
		return open() && failReply( args, request, error );
	}
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
		requestTracker( args, 'assistant' ).fail(
			clientError( 'mpcc_invalid_parameter' )
		);
		return false;
	}
	const reply = await beginReply( args, 'assistant' );
	if ( ! reply ) {
		return false;
	}
	const { open, request, delta } = reply;
	const stopper = stopperFor( args, open );
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
			session: stopper.session,
			delta: ( data ) => ! stopper.stopping() && delta( data ),
			suggestions: ( { suggestions } ) =>
				open() &&
				! stopper.stopping() &&
				dispatch( {
					type: 'RECEIVE_SUGGESTIONS',
					suggestions: Array.isArray( suggestions )
						? suggestions
						: [],
				} ),
		}
	);
	try {
		return await runStream(
			registry,
			'assistant',
			stopper.wrap( client ),
			( done ) => {
				if ( ! open() ) {
					return false;
				}
				const { assistantTarget } = runtimeFor( registry );
				// A replace card keeps the block it was made for, not whatever is selected when it is applied.
				const cards: SuggestionCard[] = (
					Array.isArray( done.suggestions ) ? done.suggestions : []
				).map( ( suggestion ) =>
					suggestion.type === 'replace_block' && assistantTarget
						? { ...suggestion, target: assistantTarget }
						: suggestion
				);
				dispatch( {
					type: 'RECEIVE_REPLY',
					message: done.message ?? '',
					sessionId: done.session_id ?? null,
					revision: done.revision,
					demo: !! done.demo,
					suggestions: cards,
				} );
				if ( cards.some( ( card ) => card.target ) ) {
					// The server stored the reply without the target, which only the editor knows.
					dispatch( { type: 'MARK_DIRTY' } );
				}
				request.succeed();
				return true;
			}
		);
	} catch ( error ) {
		return open() && failReply( args, request, error );
	}
}

/** Stops the reply being streamed (chat or assistant). The user's message stays, marked for retry. */
export const stopMessage =
	(): Thunk =>
	async ( { registry } ) =>
		closeStreams( registry, 'chat', 'assistant' );

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

/** Records what became of a card (applied, dismissed, stale); the session keeps it (auto-saved). */
export function setSuggestionState(
	messageIndex: number | undefined,
	id: string,
	state: SuggestionState | null
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

/** Clears a failed request's error (the UI's "dismiss"). */
export function clearRequestError(
	key: RequestKey = 'chat'
): ActionOf< 'REQUEST_RESET' > {
	return { type: 'REQUEST_RESET', key };
}
