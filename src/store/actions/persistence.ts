/** Saving, the 409 choice and the restored-backup notice (the machinery lives in ../persistence). */
import { NOTICE_IDS } from '../constants';
import { clearNotice } from '../notices';
import { backupKey, removeBackup } from '../persistence/backup';
import {
	clearConflictNotice,
	performSave,
	type SaveOptions,
} from '../persistence/save';
import type { Thunk, ThunkArgs } from '../types';
import type { ActionOf } from './shared';

/**
 * Saves now if there are unsaved changes (one request in flight at most; a save asked for while
 * one runs waits and then sends the latest). Auto-save calls this; so may a "Save" button.
 */
export const save =
	( options: SaveOptions = {} ): Thunk =>
	async ( args ) =>
		performSave( args, options );

function removeSessionBackup( { select }: ThunkArgs ): void {
	removeBackup(
		backupKey( {
			sessionId: select.getSessionId(),
			postId: select.getPostId(),
		} )
	);
}

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
		removeSessionBackup( args );
		dispatch( { type: 'RECEIVE_SESSION', session: server } );
		return true;
	};

/** After a restore: throw the restored copy away and use the server's. */
export const discardRestoredBackup = (): Thunk => async ( args ) => {
	const { select, dispatch, registry } = args;
	const restored = select.getRestoredBackup();
	removeSessionBackup( args );
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

export function dismissRestoredNotice(): ActionOf< 'DISMISS_RESTORED' > {
	return { type: 'DISMISS_RESTORED' };
}
