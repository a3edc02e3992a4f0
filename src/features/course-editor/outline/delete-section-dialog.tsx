import { __, _n, sprintf } from '@wordpress/i18n';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import type { Section } from '../../../store/types';

/** Asked before a section with lessons goes (an empty one goes at once). */
export function DeleteSectionDialog( {
	section,
	onCancel,
	onConfirm,
}: {
	section: Section;
	onCancel: () => void;
	onConfirm: () => void;
} ) {
	return (
		<ConfirmDialog
			title={ __( 'Delete section?', 'courses-copilot' ) }
			confirmLabel={ __( 'Delete section', 'courses-copilot' ) }
			isDestructive
			onCancel={ onCancel }
			onConfirm={ onConfirm }
		>
			<p>
				{ sprintf(
					/* translators: 1: section title, 2: number of lessons */
					_n(
						'“%1$s” and its %2$d lesson will be removed from the outline. You can undo this.',
						'“%1$s” and its %2$d lessons will be removed from the outline. You can undo this.',
						section.lessons.length,
						'courses-copilot'
					),
					section.title ||
						__( 'Untitled section', 'courses-copilot' ),
					section.lessons.length
				) }
			</p>
		</ConfirmDialog>
	);
}
