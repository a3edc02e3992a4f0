/**
 * The conversation's save status (the shared SaveStatus, with its conflict and retry choices).
 * The assistant action stores each exchange on the server itself, so the store's own save time
 * stays empty until it auto-saves; the time of the last stored reply stands in for it.
 */
import { useEffect, useRef, useState } from '@wordpress/element';
import { SaveStatus, saveStatusLabel } from '../../components/save-status';
import { useSaveStatus } from '../../hooks';

export interface AssistantStatusProps {
	sessionId: string | null;
	/** How many replies the conversation has. */
	replies: number;
	/** A message is being answered. */
	busy: boolean;
}

export function AssistantStatus( {
	sessionId,
	replies,
	busy,
}: AssistantStatusProps ) {
	const view = useSaveStatus();
	const [ storedAt, setStoredAt ] = useState< number | null >( null );
	// Replies counted when the current request started: a new one at its end was stored with it.
	const before = useRef< number | null >( null );
	useEffect( () => {
		if ( busy ) {
			before.current ??= replies;
		} else if ( before.current !== null ) {
			if ( replies > before.current && sessionId ) {
				setStoredAt( Date.now() );
			}
			before.current = null;
		}
	}, [ busy, replies, sessionId ] );
	const lastSavedAt =
		Math.max( view.lastSavedAt ?? 0, storedAt ?? 0 ) || null;
	if (
		! view.sessionExpired &&
		! saveStatusLabel( view.status, lastSavedAt, view.error )
	) {
		return null;
	}
	return (
		<div className="mpcc-assistant__status">
			<SaveStatus
				status={ view.status }
				lastSavedAt={ lastSavedAt }
				error={ view.error }
				sessionExpired={ view.sessionExpired }
				onKeepMine={ () => void view.keepMine() }
				onUseSaved={ () => void view.useSaved() }
				onRetry={ () => void view.save() }
				compact
			/>
		</div>
	);
}
