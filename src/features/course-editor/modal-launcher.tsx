/**
 * "Create with AI" beside the courses list's "Add New": opens the course editor in a Modal.
 */
import { Modal } from '@wordpress/components';
import { useRegistry } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { store as sessionStore } from '../../store';
import { CourseEditorApp } from './app';

export function CourseEditorModalLauncher() {
	const registry = useRegistry();
	const [ open, setOpen ] = useState( false );

	const close = () => {
		setOpen( false );
		// A course created in the modal belongs in the list behind it (rows are `#post-<id>`).
		const created = registry
			.select( sessionStore )
			.getCreatedCourse()?.courseId;
		if ( created && ! document.getElementById( `post-${ created }` ) ) {
			window.location.reload();
		}
	};

	return (
		<>
			<button
				type="button"
				className="page-title-action mpcc-create-with-ai"
				onClick={ () => setOpen( true ) }
			>
				{ __( 'Create with AI', 'courses-copilot' ) }
			</button>
			{ open && (
				<Modal
					title={ __( 'Create a course with AI', 'courses-copilot' ) }
					onRequestClose={ close }
					isFullScreen
					className="mpcc-editor-modal"
					shouldCloseOnClickOutside={ false }
				>
					<CourseEditorApp mode="modal" />
				</Modal>
			) }
		</>
	);
}
