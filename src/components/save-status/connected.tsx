/**
 * The save status of the `mpcc/session` store, with its conflict choices wired in.
 */
import { useSelect } from '@wordpress/data';
import { store as sessionStore } from '../../store';
import { useSaveStatus } from '../../hooks/use-save-status';
import { SaveStatus } from './save-status';

export function SessionSaveStatus( {
	compact = false,
	className,
}: {
	compact?: boolean;
	className?: string;
} ) {
	const view = useSaveStatus();
	const saved = useSelect(
		( select ) => select( sessionStore ).getSessionId() !== null,
		[]
	);
	return (
		<SaveStatus
			status={ view.status }
			lastSavedAt={ view.lastSavedAt }
			saved={ saved }
			error={ view.error }
			sessionExpired={ view.sessionExpired }
			onKeepMine={ () => void view.keepMine() }
			onUseSaved={ () => void view.useSaved() }
			onRetry={ () => void view.save() }
			compact={ compact }
			className={ className }
		/>
	);
}
