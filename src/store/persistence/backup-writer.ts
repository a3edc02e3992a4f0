/**
 * Keeps the localStorage backup current while there are unsaved changes: written shortly after
 * edits (debounced, so typing is not a write per key) and synchronously on pagehide.
 */
import debounce from 'lodash.debounce';
import { BACKUP_MAX_WAIT, BACKUP_WAIT } from '../constants';
import { backupKey, writeBackup, type Backup } from './backup';
import type { CurriedSelectorsOf } from '@wordpress/data';
import type { SessionStoreDescriptor } from '../types';

type Select = () => CurriedSelectorsOf< SessionStoreDescriptor >;

export function snapshot(
	select: CurriedSelectorsOf< SessionStoreDescriptor >,
	now = Date.now()
): { key: string; backup: Backup } {
	const sessionId = select.getSessionId();
	const postId = select.getPostId();
	return {
		key: backupKey( { sessionId, postId } ),
		backup: {
			v: 1,
			savedAt: now,
			revision: select.getRevision(),
			sessionId,
			postId,
			inFlight: select.isSaving(),
			data: select.getSessionPayload(),
		},
	};
}

export function createBackupWriter( getSelect: Select ) {
	const writeNow = (): boolean => {
		const select = getSelect();
		if ( ! select.hasUnsavedChanges() ) {
			return false;
		}
		const { key, backup } = snapshot( select );
		return writeBackup( key, backup );
	};
	const schedule = debounce( writeNow, BACKUP_WAIT, {
		maxWait: BACKUP_MAX_WAIT,
	} );
	return {
		schedule,
		/** Synchronous: for pagehide. */
		writeNow(): boolean {
			schedule.cancel();
			return writeNow();
		},
		cancel: () => schedule.cancel(),
	};
}
