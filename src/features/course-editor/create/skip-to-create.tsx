/**
 * "Skip to Create course": the first stop after the chat, shown when focused, so the keyboard
 * reaches Create without walking the whole outline (issue 18 item 15).
 */
import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as sessionStore } from '../../../store';
import { CREATE_BUTTON_ID } from './create-course';

export function SkipToCreate() {
	const shown = useSelect( ( select ) => {
		const s = select( sessionStore );
		return s.getCourseStructure() !== null && ! s.getCreatedCourse();
	}, [] );
	if ( ! shown ) {
		return null;
	}
	return (
		<a
			className="mpcc-skip-link"
			href={ `#${ CREATE_BUTTON_ID }` }
			onClick={ ( event ) => {
				event.preventDefault();
				document.getElementById( CREATE_BUTTON_ID )?.focus();
			} }
		>
			{ __( 'Skip to Create course', 'courses-copilot' ) }
		</a>
	);
}
