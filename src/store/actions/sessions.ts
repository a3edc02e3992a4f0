/** Opening, listing, renaming and deleting conversations (the list itself is read by a resolver). */
import { ajax } from '../../api/client';
import { backupKey, removeBackup } from '../persistence/backup';
import { applyBackup } from '../persistence/restore';
import { performSave } from '../persistence/save';
import { tracked } from '../request-tracking';
import { setSessionTitle } from './outline';
import { leaveSession, requestTracker, stillOpen } from './shared';
import type { Thunk, ThunkArgs } from '../types';

/** Saves this conversation, detaches its streams and opens an empty one. */
async function openEmpty(
	args: ThunkArgs,
	postId: number | null,
	postType: string | null,
	title = ''
): Promise< void > {
	await performSave( args );
	leaveSession( args );
	args.dispatch( { type: 'RESET_SESSION', postId, postType, title } );
}

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
		await openEmpty( args, postId, postType, title );
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
		await openEmpty( args, null, null, title );
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
		await performSave( args );
		leaveSession( args );
		const open = stillOpen( args );
		const request = requestTracker( args, 'load' );
		return tracked( request, false, async () => {
			const { session } = await ajax( 'mpcc_load_session', {
				session_id: sessionId,
			} );
			if ( ! open() ) {
				return false;
			}
			args.dispatch( { type: 'RECEIVE_SESSION', session } );
			request.succeed();
			applyBackup( args, session );
			return true;
		} );
	};

export const deleteSession =
	( sessionId: string ): Thunk< boolean > =>
	async ( args ) => {
		const { select, dispatch } = args;
		const request = requestTracker( args, 'sessions' );
		return tracked( request, false, async () => {
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
			request.succeed();
			return true;
		} );
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
		const renamed = ( id: string ) =>
			dispatch( {
				type: 'UPDATE_SESSION_IN_LIST',
				sessionId: id,
				changes: { title: trimmed },
			} );
		if ( ! trimmed ) {
			return false;
		}
		if ( ! sessionId || sessionId === select.getSessionId() ) {
			dispatch( setSessionTitle( trimmed ) );
			const id = select.getSessionId();
			if ( id ) {
				renamed( id );
			}
			return true;
		}
		const request = requestTracker( args, 'sessions' );
		return tracked( request, false, async () => {
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
			renamed( sessionId );
			request.succeed();
			return reply.auto_saved !== false;
		} );
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
		await openEmpty( args, postId, postType );
		const request = requestTracker( args, 'load' );
		const opened = await tracked( request, false, async () => {
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
			request.succeed();
			return true;
		} );
		if ( ! opened ) {
			// Unsaved work for this post on this device is still worth showing.
			applyBackup( args, null );
		}
		return opened;
	};
