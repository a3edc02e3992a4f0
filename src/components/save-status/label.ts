/**
 * The save status in words, in one place for the SaveStatus component and the useSaveStatus hook:
 * "Saved 12:03", "Saving…", "Unsaved changes", "Offline — kept on this device", a conflict or an error.
 */
import { __, sprintf } from '@wordpress/i18n';
import type { ErrorInfo, SaveStatus } from '../../store/types';

export interface SaveStatusLabelOptions {
	/** The server has a copy (shown as "Saved" when idle and no save time is known). */
	saved?: boolean;
	/** Say when it was saved ("Saved 12:03"), not just "Saved". */
	time?: boolean;
}

/** 12:03 in the user's locale. */
export function formatTime( time: number ): string {
	try {
		return new Date( time ).toLocaleTimeString( undefined, {
			hour: '2-digit',
			minute: '2-digit',
		} );
	} catch {
		return new Date( time ).toTimeString().slice( 0, 5 );
	}
}

/** What the status line says when the nonce or login expired: only a reload helps. */
export function sessionExpiredLabel(): string {
	return __( 'Session expired — reload to save', 'courses-copilot' );
}

export function saveStatusLabel(
	status: SaveStatus,
	lastSavedAt: number | null,
	error?: ErrorInfo | null,
	{ saved = false, time = true }: SaveStatusLabelOptions = {}
): string {
	switch ( status ) {
		case 'dirty':
			return __( 'Unsaved changes', 'courses-copilot' );
		case 'saving':
			return __( 'Saving…', 'courses-copilot' );
		case 'offline':
			return __( 'Offline — kept on this device', 'courses-copilot' );
		case 'conflict':
			return __( 'Conflict: changed somewhere else', 'courses-copilot' );
		case 'error':
			return error?.message || __( 'Not saved', 'courses-copilot' );
		default:
			if ( lastSavedAt && time ) {
				return sprintf(
					/* translators: %s: time of day, e.g. 12:03 */
					__( 'Saved %s', 'courses-copilot' ),
					formatTime( lastSavedAt )
				);
			}
			return lastSavedAt || saved ? __( 'Saved', 'courses-copilot' ) : '';
	}
}
