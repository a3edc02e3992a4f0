/**
 * A small confirmation, built on Modal (focus is trapped, Escape cancels).
 */
import { Modal } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import { ActionsRow } from '../actions-row';

export interface ConfirmDialogProps {
	title: string;
	children: ReactNode;
	confirmLabel: string;
	onConfirm: () => void;
	onCancel: () => void;
	isDestructive?: boolean;
	isBusy?: boolean;
}

export function ConfirmDialog( {
	title,
	children,
	confirmLabel,
	onConfirm,
	onCancel,
	isDestructive = false,
	isBusy = false,
}: ConfirmDialogProps ) {
	return (
		<Modal
			title={ title }
			onRequestClose={ onCancel }
			className="mpcc-confirm"
			size="medium"
		>
			<div className="mpcc-confirm__body">{ children }</div>
			<ActionsRow
				className="mpcc-confirm__actions"
				actions={ [
					{
						variant: 'tertiary',
						onClick: onCancel,
						disabled: isBusy,
						children: __( 'Cancel', 'courses-copilot' ),
					},
					{
						variant: 'primary',
						isDestructive,
						isBusy,
						disabled: isBusy,
						onClick: onConfirm,
						children: confirmLabel,
					},
				] }
			/>
		</Modal>
	);
}
