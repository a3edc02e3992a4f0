/**
 * "Create with AI" beside the courses list's "Add New": opens the course editor in a Modal.
 */
import { Modal } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { CourseEditorApp } from './app';

export function CourseEditorModalLauncher() {
	const [ open, setOpen ] = useState( false );
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
					onRequestClose={ () => setOpen( false ) }
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
