/**
 * Restoring unsaved work from this device when a session is opened.
 *
 * A backup exists only while a session has unsaved changes. On load it is restored when it is
 * newer than the server's copy:
 *  - same content as the server → the server has it; the backup is dropped;
 *  - built on the server's revision (or on the one just before, with a save in flight when the
 *    page went away — that save was ours) → restored on top of the server's revision;
 *  - built on an older revision but written after the server's copy was → restored on its old
 *    revision, so the next save meets a 409 and the user picks "Keep mine" or "Use the saved version";
 *  - otherwise the server's copy is newer and the backup is dropped.
 */
import { __ } from '@wordpress/i18n';
import { NOTICE_IDS } from '../constants';
import { notify } from '../notices';
import {
	candidateKeys,
	readBackup,
	removeBackup,
	sameContent,
	type Backup,
} from './backup';
import type { ServerSession } from '../../api/types';
import type { ThunkArgs } from '../types';

export function findBackup(
	sessionId: string | null,
	postId: number | null
): { key: string; backup: Backup } | null {
	for ( const key of candidateKeys( { sessionId, postId } ) ) {
		const backup = readBackup( key );
		if (
			backup &&
			( ! sessionId ||
				! backup.sessionId ||
				backup.sessionId === sessionId )
		) {
			return { key, backup };
		}
	}
	return null;
}

export function applyBackup(
	args: ThunkArgs,
	server: ServerSession | null
): boolean {
	const { dispatch, registry } = args;
	const sessionId = server?.session_id ?? args.select.getSessionId();
	const postId = server?.post_id ?? args.select.getPostId();
	const found = findBackup( sessionId, postId );
	if ( ! found ) {
		return false;
	}
	const { key, backup } = found;
	let revision = backup.revision;
	if ( server ) {
		if ( sameContent( server, backup.data ) ) {
			removeBackup( key );
			return false;
		}
		const builtOnServer =
			backup.revision >= server.revision ||
			( backup.inFlight && server.revision === backup.revision + 1 );
		const serverTime = Date.parse( server.updated_at );
		if ( builtOnServer ) {
			revision = server.revision;
		} else if (
			Number.isFinite( serverTime ) &&
			backup.savedAt <= serverTime
		) {
			removeBackup( key );
			return false;
		}
	}
	dispatch( {
		type: 'RESTORE_BACKUP',
		data: backup.data,
		revision,
		sessionId: server?.session_id ?? backup.sessionId,
		savedAt: backup.savedAt,
		server,
	} );
	notify(
		registry,
		NOTICE_IDS.restored,
		'info',
		__(
			'Unsaved changes from this device were restored.',
			'courses-copilot'
		),
		server
			? [
					{
						label: __( 'Use the saved version', 'courses-copilot' ),
						onClick: () => dispatch.discardRestoredBackup(),
					},
				]
			: []
	);
	return true;
}
