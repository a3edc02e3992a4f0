/**
 * The save itself: one `mpcc_auto_save_session` request with the latest state, through the
 * one-in-flight gate. Handles the replies: success (and a new session id), 409 (a real conflict
 * is kept for the user; a "conflict" with identical content is adopted silently), offline/5xx
 * (status offline, backup kept, retry scheduled by retry.ts) and an expired nonce.
 */
import { __, sprintf } from '@wordpress/i18n';
import { ajax, sendKeepalive } from '../../api/client';
import {
	isApiError,
	isRetryableCode,
	isSessionExpiredCode,
} from '../../api/errors';
import { describeError, toErrorInfo } from '../../api/error-messages';
import { NOTICE_IDS } from '../constants';
import { clearNotice, notify } from '../notices';
import {
	backupKey,
	readBackup,
	removeBackup,
	sameContent,
	writeBackup,
} from './backup';
import { collides } from './conflict-merge';
import { runExclusive } from './gate';
import type { ErrorInfo } from '../../api/errors';
import type { ServerSession } from '../../api/types';
import type { ThunkArgs } from '../types';

export interface SaveOptions {
	/** Page is going away: send with `fetch(…, { keepalive: true })`. */
	unload?: boolean;
}

export function performSave(
	args: ThunkArgs,
	options: SaveOptions = {}
): Promise< void > {
	return runExclusive( args.registry, () => saveOnce( args, options ) );
}

export function expire( { dispatch, registry }: ThunkArgs ): void {
	dispatch( { type: 'SESSION_EXPIRED' } );
	const { message, nextStep } = describeError( 'mpcc_invalid_nonce' );
	notify(
		registry,
		NOTICE_IDS.expired,
		'error',
		`${ message } ${ nextStep }`,
		[
			{
				label: __( 'Reload', 'courses-copilot' ),
				onClick: () => window.location.reload(),
			},
		]
	);
}

/** A 409 merged this many times in a row is then left to the user (another tab keeps saving). */
const MAX_MERGES = 3;

/** Everything up to the request is synchronous, so an unload flush really leaves the page. */
async function saveOnce(
	args: ThunkArgs,
	{ unload = false }: SaveOptions,
	merges = 0
): Promise< void > {
	const { select, dispatch, registry } = args;
	const state = select.getSaveState();
	if (
		select.isSessionExpired() ||
		state.status === 'conflict' ||
		! select.hasUnsavedChanges() ||
		select.isSaveBlocked()
	) {
		return;
	}
	const seq = state.seq;
	// eslint-disable-next-line @wordpress/no-unused-vars-before-return -- a snapshot taken before the request
	const editSeq = select.getOutlineEditSeq();
	const sessionId = select.getSessionId();
	const postId = select.getPostId();
	const payload = select.getSessionPayload();
	const fields = {
		session_id: sessionId ?? '',
		session_data: payload,
		revision: select.getRevision(),
	};
	// eslint-disable-next-line @wordpress/no-unused-vars-before-return -- a snapshot taken before the request
	const oldKey = backupKey( { sessionId, postId } );

	dispatch( { type: 'SAVE_START', seq } );
	const request =
		( unload ? sendKeepalive( 'mpcc_auto_save_session', fields ) : null ) ??
		ajax( 'mpcc_auto_save_session', fields, { keepalive: true } );

	const stillCurrent = () =>
		select.getSessionId() === sessionId ||
		( sessionId === null && select.getPostId() === postId );

	try {
		const reply = await request;
		if ( ! stillCurrent() && sessionId !== null ) {
			return;
		}
		const newId = reply.session_id || sessionId;
		dispatch( {
			type: 'SAVE_SUCCESS',
			seq,
			editSeq,
			revision:
				typeof reply.revision === 'number'
					? reply.revision
					: select.getRevision() + 1,
			sessionId: newId,
			time: Date.now(),
			title: payload.title,
			structure: payload.course_structure,
		} );
		settleBackup( args, oldKey );
		if ( newId ) {
			dispatch( {
				type: 'UPDATE_SESSION_IN_LIST',
				sessionId: newId,
				changes: { title: payload.title },
			} );
		}
	} catch ( error ) {
		if ( ! stillCurrent() ) {
			return;
		}
		const info = toErrorInfo( error );
		if ( info.code === 'mpcc_conflict' ) {
			const server = isApiError( error )
				? ( error.data.server_session as ServerSession | undefined )
				: undefined;
			if (
				server &&
				typeof server.revision === 'number' &&
				sameContent( server, payload )
			) {
				// The server already has exactly this (e.g. a chat reply bumped the revision): adopt it.
				dispatch( {
					type: 'SAVE_SUCCESS',
					seq,
					editSeq,
					revision: server.revision,
					sessionId: server.session_id ?? sessionId,
					time: Date.now(),
					title: payload.title,
					structure: payload.course_structure,
				} );
				settleBackup( args, oldKey );
				return;
			}
			if (
				server &&
				typeof server.revision === 'number' &&
				merges < MAX_MERGES &&
				! collides( {
					...baseOf( select ),
					local: select.getCourseStructure(),
					localTitle: select.getSessionTitle(),
					server,
				} )
			) {
				// The other copy changed other things: take them in and send the merged copy on its revision.
				dispatch( { type: 'MERGE_SERVER_COPY', server } );
				return saveOnce( args, { unload }, merges + 1 );
			}
			if ( server ) {
				dispatch( { type: 'SAVE_CONFLICT', server, error: info } );
				notify(
					registry,
					NOTICE_IDS.conflict,
					'warning',
					describeError( 'mpcc_conflict' ).message,
					[
						{
							label: __( 'Keep mine', 'courses-copilot' ),
							onClick: () => dispatch.resolveConflict( 'mine' ),
						},
						{
							label: __(
								'Use the saved version',
								'courses-copilot'
							),
							onClick: () => dispatch.resolveConflict( 'theirs' ),
						},
					]
				);
				return;
			}
		}
		if ( isSessionExpiredCode( info.code ) ) {
			dispatch( { type: 'SAVE_FAILURE', error: info, offline: false } );
			expire( args );
			return;
		}
		const offline = isRetryableCode( info.code );
		dispatch( {
			type: 'SAVE_FAILURE',
			error: offline ? info : refusal( info ),
			offline,
		} );
	}
}

/**
 * A save the server refused (400/413): say what and where (field-errors.ts words the fields),
 * and that nothing is lost. The next edit saves again, so fixing the cause resumes saving.
 */
function refusal( info: ErrorInfo ): ErrorInfo {
	const what = info.fields?.length
		? info.message
		: __( 'The site did not accept this save.', 'courses-copilot' );
	return {
		...info,
		message: sprintf(
			/* translators: %s: what was refused and why, e.g. "The title of lesson 1.3 is too long (the most is 5000 characters)." */
			__(
				'Not saved: %s Your changes are kept on this device and save as soon as this is fixed.',
				'courses-copilot'
			),
			what
		),
	};
}

function baseOf( select: ThunkArgs[ 'select' ] ) {
	const { structure, title, marks } = select.getConflictBase();
	return { base: structure, baseTitle: title, marks };
}

/** After a save: drop the backup if the server has everything, else re-key it under the new id. */
function settleBackup( { select }: ThunkArgs, oldKey: string ): void {
	const newKey = backupKey( {
		sessionId: select.getSessionId(),
		postId: select.getPostId(),
	} );
	if ( ! select.hasUnsavedChanges() ) {
		removeBackup( oldKey );
		removeBackup( newKey );
		return;
	}
	if ( newKey !== oldKey ) {
		const backup = readBackup( oldKey );
		if ( backup ) {
			writeBackup( newKey, {
				...backup,
				sessionId: select.getSessionId(),
				revision: select.getRevision(),
			} );
			removeBackup( oldKey );
		}
	}
}

export function clearConflictNotice( registry: ThunkArgs[ 'registry' ] ): void {
	clearNotice( registry, NOTICE_IDS.conflict );
}
