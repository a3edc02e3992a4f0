import { __ } from '@wordpress/i18n';
import { redo as redoIcon, undo as undoIcon } from '@wordpress/icons';
import type { ReactNode } from 'react';
import { ActionsRow } from '../../../components/actions-row';

/** The outline's toolbar: Undo and Redo, then whatever else the outline offers. */
export function OutlineTools( {
	canUndo,
	canRedo,
	onUndo,
	onRedo,
	children,
}: {
	canUndo: boolean;
	canRedo: boolean;
	onUndo: () => void;
	onRedo: () => void;
	children?: ReactNode;
} ) {
	return (
		<ActionsRow
			className="mpcc-outline__tools"
			role="toolbar"
			aria-label={ __( 'Outline tools', 'courses-copilot' ) }
			size="compact"
			actions={ [
				{
					icon: undoIcon,
					label: __( 'Undo', 'courses-copilot' ),
					disabled: ! canUndo,
					onClick: onUndo,
				},
				{
					icon: redoIcon,
					label: __( 'Redo', 'courses-copilot' ),
					disabled: ! canRedo,
					onClick: onRedo,
				},
			] }
		>
			{ children }
		</ActionsRow>
	);
}
