/**
 * On a new, empty conversation: the author's last conversation, one click away. Opening the editor
 * (menu, "Create with AI") starts a new conversation, and earlier work should not look lost. Reads
 * the same first page the Conversations dialog reads, so the two share one request.
 */
import { Button } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';
import { store as sessionStore } from '../../../store';
import { SESSIONS_PER_PAGE } from './sessions-modal';
import { STATE_LABELS, when } from './session-labels';

const FIRST_PAGE = { page: 1, perPage: SESSIONS_PER_PAGE, search: '' };

export function ResumeLatest( {
	onResume,
}: {
	onResume: ( id: string ) => void;
} ) {
	const latest = useSelect( ( select ) => {
		const s = select( sessionStore );
		const current = s.getSessionId();
		const others = s
			.getSessionList( FIRST_PAGE )
			.filter( ( item ) => item.session_id !== current );
		return others.reduce< ( typeof others )[ number ] | null >(
			( newest, item ) =>
				! newest || item.updated_at > newest.updated_at ? item : newest,
			null
		);
	}, [] );
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
