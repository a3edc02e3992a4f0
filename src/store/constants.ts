import type { RequestState, SaveState, UiState } from './types';

export const STORE_NAME = 'mpcc/session';

/** Undo/redo keeps this many structure snapshots each way. */
export const HISTORY_LIMIT = 50;

/** Auto-save: debounce wait and the longest an edit may wait (DESIGN.md convention 4). */
export const AUTOSAVE_WAIT = 2_000;
export const AUTOSAVE_MAX_WAIT = 10_000;
/** Retry after offline/5xx: 2 s, 4 s, 8 s … capped. */
export const RETRY_BASE = 2_000;
export const RETRY_MAX = 60_000;
/** localStorage backup: written this soon after an edit (and synchronously on pagehide). */
export const BACKUP_WAIT = 300;
export const BACKUP_MAX_WAIT = 1_000;
export const BACKUP_PREFIX = 'mpcc-session-backup';

/** Shared empties so selectors return stable references. */
export const EMPTY_ARRAY: readonly never[] = Object.freeze( [] );
export const EMPTY_OBJECT: Readonly< Record< string, never > > = Object.freeze(
	{}
);

export const REQUEST_KEYS = [
	'chat',
	'assistant',
	'content',
	'create',
	'sessions',
	'load',
] as const;

export const INITIAL_REQUEST: RequestState = Object.freeze( {
	status: 'init',
	error: null,
} );

export const INITIAL_UI: UiState = Object.freeze( {
	expandedSections: EMPTY_ARRAY as unknown as string[],
	activeLessonId: null,
} );

export const INITIAL_SAVE: SaveState = Object.freeze( {
	status: 'idle',
	seq: 0,
	savedSeq: 0,
	inFlightSeq: null,
	lastSavedAt: null,
	error: null,
	failures: 0,
	conflict: null,
	restored: null,
} );

/** Id of the core/notices notices this store raises, so the UI can avoid showing them twice. */
export const NOTICE_IDS = {
	conflict: 'mpcc-save-conflict',
	restored: 'mpcc-restored-backup',
	expired: 'mpcc-session-expired',
} as const;
