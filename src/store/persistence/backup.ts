/**
 * The localStorage backup: one entry per session while it has unsaved changes, stamped with
 * the time and the server revision it builds on. Removed once the server has everything.
 */
import { getConfig } from '../../api/config';
import { BACKUP_PREFIX } from '../constants';
import type { SessionData } from '../../api/types';

export interface Backup {
	v: 1;
	savedAt: number;
	/** The server revision the local copy builds on. */
	revision: number;
	sessionId: string | null;
	postId: number | null;
	/** A save was in flight when this was written (it may have reached the server). */
	inFlight: boolean;
	data: SessionData;
}

export interface BackupOwner {
	sessionId: string | null;
	postId: number | null;
}

function storage(): Storage | null {
	try {
		return typeof window !== 'undefined' && window.localStorage
			? window.localStorage
			: null;
	} catch {
		return null;
	}
}

/** `mpcc-session-backup:<user>:<session id | post-<id> | draft>`. */
export function backupKey( { sessionId, postId }: BackupOwner ): string {
	let owner = 'draft';
	if ( sessionId ) {
		owner = `s-${ sessionId }`;
	} else if ( postId ) {
		owner = `post-${ postId }`;
	}
	return `${ BACKUP_PREFIX }:${ getConfig().userId }:${ owner }`;
}

/** Keys a session's unsaved work may be under (before it had an id, it was keyed by post or as draft). */
export function candidateKeys( owner: BackupOwner ): string[] {
	const keys = [ backupKey( owner ) ];
	if ( owner.sessionId ) {
		keys.push( backupKey( { sessionId: null, postId: owner.postId } ) );
	}
	return Array.from( new Set( keys ) );
}

export function readBackup( key: string ): Backup | null {
	try {
		const raw = storage()?.getItem( key );
		if ( ! raw ) {
			return null;
		}
		const parsed = JSON.parse( raw ) as Partial< Backup >;
		if (
			parsed?.v !== 1 ||
			typeof parsed.savedAt !== 'number' ||
			! parsed.data
		) {
			return null;
		}
		return parsed as Backup;
	} catch {
		return null;
	}
}

export function writeBackup( key: string, backup: Backup ): boolean {
	try {
		storage()?.setItem( key, JSON.stringify( backup ) );
		return true;
	} catch {
		// Quota or private mode: the server save still runs.
		return false;
	}
}

export function removeBackup( key: string ): void {
	try {
		storage()?.removeItem( key );
	} catch {
		// Nothing to do.
	}
}

/** Same saved content (title, outline, state, message texts): what a conflict or restore compares. */
export function sameContent(
	a: Pick<
		SessionData,
		'title' | 'messages' | 'course_structure' | 'conversation_state'
	>,
	b: Pick<
		SessionData,
		'title' | 'messages' | 'course_structure' | 'conversation_state'
	>
): boolean {
	const messages = ( list: SessionData[ 'messages' ] ) =>
		JSON.stringify( ( list ?? [] ).map( ( m ) => [ m.role, m.content ] ) );
	return (
		( a.title ?? '' ) === ( b.title ?? '' ) &&
		( a.conversation_state ?? 'initial' ) ===
			( b.conversation_state ?? 'initial' ) &&
		JSON.stringify( a.course_structure ?? null ) ===
			JSON.stringify( b.course_structure ?? null ) &&
		messages( a.messages ) === messages( b.messages )
	);
}
