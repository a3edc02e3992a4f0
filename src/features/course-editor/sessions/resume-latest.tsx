/**
 * On a new, empty conversation: the author's last conversation, one click away. Opening the editor
 * (menu, "Create with AI") starts a new conversation, and earlier work should not look lost.
 * Asked for each time the empty state shows (so the conversation just left is there), and apart
 * from the store's session list, which the Conversations dialog pages and searches.
 */
import { Button } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { ajax } from '../../../api/client';
import { store as sessionStore } from '../../../store';
import type { SessionSummary } from '../../../store/types';
import { STATE_LABELS, when } from './session-labels';

export function ResumeLatest( {
	onResume,
}: {
	onResume: ( id: string ) => void;
} ) {
	const current = useSelect(
		( select ) => select( sessionStore ).getSessionId(),
		[]
	);
	const [ latest, setLatest ] = useState< SessionSummary | null >( null );
	useEffect( () => {
		let cancelled = false;
		// The newest two: one of them may be the conversation open now.
		ajax( 'mpcc_list_sessions', { page: 1, per_page: 2 } )
			.then( ( { sessions } ) => {
				if ( ! cancelled ) {
					setLatest(
						( sessions ?? [] ).find(
							( item ) => item.session_id !== current
						) ?? null
					);
				}
			} )
			// Only an offer: without it the Conversations button is still there.
			.catch( () => undefined );
		return () => {
			cancelled = true;
		};
	}, [ current ] );
	if ( ! latest ) {
		return null;
	}
	const title =
		latest.title || __( 'Untitled conversation', 'courses-copilot' );
	return (
		<div className="mpcc-resume-latest">
			<p className="mpcc-resume-latest__label">
				{ __( 'Or pick up where you left off:', 'courses-copilot' ) }
			</p>
			<Button
				variant="secondary"
				className="mpcc-resume-latest__button"
				onClick={ () => onResume( latest.session_id ) }
			>
				{ sprintf(
					/* translators: 1: conversation title, 2: its stage (e.g. Outlining), 3: when it was last saved */
					__( 'Continue “%1$s” (%2$s, %3$s)', 'courses-copilot' ),
					title,
					STATE_LABELS[ latest.conversation_state ]?.() ?? '',
					when( latest.updated_at )
				) }
			</Button>
		</div>
	);
}
