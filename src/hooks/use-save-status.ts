import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store } from '../store';
import type { ErrorInfo, SaveStatus, ServerSession } from '../store/types';

export interface SaveStatusView {
	status: SaveStatus;
	/** Short translated text for a status line ("Saving…", "Offline — kept on this device" …). */
	label: string;
	lastSavedAt: number | null;
	hasUnsavedChanges: boolean;
	error: ErrorInfo | null;
	conflict: ServerSession | null;
	restoredFromBackup: boolean;
	sessionExpired: boolean;
	save: () => Promise< void >;
	keepMine: () => Promise< boolean >;
	useSaved: () => Promise< boolean >;
	discardRestored: () => Promise< void >;
	dismissRestored: () => void;
}

export function saveStatusLabel(
	status: SaveStatus,
	lastSavedAt: number | null,
	error: ErrorInfo | null
): string {
	switch ( status ) {
		case 'dirty':
			return __( 'Unsaved changes', 'courses-copilot' );
		case 'saving':
			return __( 'Saving…', 'courses-copilot' );
		case 'offline':
			return __( 'Offline — kept on this device', 'courses-copilot' );
		case 'conflict':
			return __( 'Changed somewhere else', 'courses-copilot' );
		case 'error':
			return error?.message ?? __( 'Not saved', 'courses-copilot' );
		case 'idle':
		default:
			return lastSavedAt ? __( 'Saved', 'courses-copilot' ) : '';
	}
}

/** The save status wherever the session is shown, with the conflict and restore choices. */
export function useSaveStatus(): SaveStatusView {
	const state = useSelect( ( select ) => {
		const s = select( store );
		return {
			status: s.getSaveStatus(),
			lastSavedAt: s.getLastSavedAt(),
			hasUnsavedChanges: s.hasUnsavedChanges(),
			error: s.getSaveError(),
			conflict: s.getConflict(),
			restoredFromBackup: s.wasRestoredFromBackup(),
			sessionExpired: s.isSessionExpired(),
		};
	}, [] );
	const {
		save,
		resolveConflict,
		discardRestoredBackup,
		dismissRestoredNotice,
	} = useDispatch( store );
	return {
		...state,
		label: state.sessionExpired
			? __( 'Your session expired — reload the page', 'courses-copilot' )
			: saveStatusLabel( state.status, state.lastSavedAt, state.error ),
		save: () => save(),
		keepMine: () => resolveConflict( 'mine' ),
		useSaved: () => resolveConflict( 'theirs' ),
		discardRestored: () => discardRestoredBackup(),
		dismissRestored: () => {
			dismissRestoredNotice();
		},
	};
}
