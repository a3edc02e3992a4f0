/**
 * Auto-save for `mpcc/session`, in the manner of @wordpress/preferences-persistence:
 *  - debounced (2 s wait, 10 s maxWait): 100 edits in 2 s make one request; idle makes none;
 *  - one request in flight; a save asked for meanwhile waits and sends the latest state (gate.ts);
 *  - while a chat reply or course creation is changing the session on the server, saving waits
 *    and runs when it ends;
 *  - a localStorage backup per session while unsaved (backup-writer.ts), restored on load when
 *    newer than the server's (restore.ts);
 *  - offline/5xx: status "offline", backup kept, retried with backoff and on `online` (retry.ts);
 *  - 409: status "conflict", server copy kept for resolveConflict( 'mine' | 'theirs' ) (save.ts);
 *  - pagehide / hidden tab: backup written synchronously and the save sent with fetch keepalive.
 *
 * Attach once per registry (the hook useAutoSaveLifecycle does it); attaching again shares it.
 * The store is handed in (src/store/index.ts does it), so this folder never imports the store's index.
 */
import debounce from 'lodash.debounce';
import { AUTOSAVE_MAX_WAIT, AUTOSAVE_WAIT } from '../constants';
import { createBackupWriter } from './backup-writer';
import { createRetry } from './retry';
import { onPageLeave } from './unload';
import type { DataRegistry } from '@wordpress/data';
import type { store as sessionStore } from '..';

type SessionStore = typeof sessionStore;

export interface AutoSaveOptions {
	wait?: number;
	maxWait?: number;
	window?: Window;
}

const attached = new WeakMap<
	DataRegistry,
	{ count: number; detach: () => void }
>();

export function attachAutoSaveTo(
	store: SessionStore,
	registry: DataRegistry,
	options: AutoSaveOptions = {}
): () => void {
	const existing = attached.get( registry );
	if ( existing ) {
		existing.count += 1;
		return release( registry );
	}
	const { wait = AUTOSAVE_WAIT, maxWait = AUTOSAVE_MAX_WAIT } = options;
	const win =
		options.window ??
		( typeof window !== 'undefined' ? window : undefined );
	const select = () => registry.select( store );
	const actions = () => registry.dispatch( store );

	const saveNow = () => {
		actions().save();
	};
	const scheduled = debounce( saveNow, wait, { maxWait } );
	const backup = createBackupWriter( select );
	const retry = createRetry( saveNow );

	let last = {
		seq: select().getSaveState().seq,
		blocked: select().isSaveBlocked(),
	};
	const unsubscribe = registry.subscribe( () => {
		const s = select();
		const save = s.getSaveState();
		const blocked = s.isSaveBlocked();
		const dirty = s.hasUnsavedChanges();
		if ( save.seq !== last.seq && dirty ) {
			backup.schedule();
			if ( save.status !== 'conflict' ) {
				scheduled();
			}
		}
		if ( last.blocked && ! blocked && dirty ) {
			scheduled();
		}
		if ( ! dirty ) {
			scheduled.cancel();
		}
		retry.update(
			save.status === 'offline',
			save.failures,
			save.error?.retryAfter
		);
		last = { seq: save.seq, blocked };
	}, store );

	const leave = () => {
		const s = select();
		if ( ! s.hasUnsavedChanges() ) {
			return;
		}
		backup.writeNow();
		scheduled.cancel();
		if ( s.getSaveStatus() !== 'conflict' && ! s.isSessionExpired() ) {
			actions().save( { unload: true } );
		}
	};
	const stopLeave = win ? onPageLeave( win, leave ) : () => undefined;
	const online = () => retry.now();
	win?.addEventListener( 'online', online );

	const detach = () => {
		unsubscribe();
		stopLeave();
		win?.removeEventListener( 'online', online );
		// Nothing is dropped: what was pending goes out now.
		scheduled.flush();
		backup.writeNow();
		retry.cancel();
	};
	attached.set( registry, { count: 1, detach } );
	return release( registry );
}

function release( registry: DataRegistry ): () => void {
	let released = false;
	return () => {
		const entry = attached.get( registry );
		if ( released || ! entry ) {
			return;
		}
		released = true;
		entry.count -= 1;
		if ( entry.count === 0 ) {
			attached.delete( registry );
			entry.detach();
		}
	};
}

export { backoffDelay } from './retry';
export { backupKey, readBackup } from './backup';
