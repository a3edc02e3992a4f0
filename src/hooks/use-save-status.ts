import { useDispatch, useSelect } from '@wordpress/data';
import {
	saveStatusLabel,
	sessionExpiredLabel,
} from '../components/save-status/label';
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
		// Short: "Saved" without its time.
		label: state.sessionExpired
			? sessionExpiredLabel()
			: saveStatusLabel( state.status, state.lastSavedAt, state.error, {
					time: false,
				} ),
		save: () => save(),
		keepMine: () => resolveConflict( 'mine' ),
		useSaved: () => resolveConflict( 'theirs' ),
		discardRestored: () => discardRestoredBackup(),
		dismissRestored: () => {
			dismissRestoredNotice();
		},
	};
}
