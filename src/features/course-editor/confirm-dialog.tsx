/**
 * A small confirmation, built on Modal (focus is trapped, Escape cancels).
 */
import { Button, Modal } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';

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
			<div className="mpcc-confirm__actions">
				<Button
					variant="tertiary"
					onClick={ onCancel }
					disabled={ isBusy }
				>
					{ __( 'Cancel', 'courses-copilot' ) }
				</Button>
				<Button
					variant="primary"
					isDestructive={ isDestructive }
					isBusy={ isBusy }
					disabled={ isBusy }
					onClick={ onConfirm }
				>
					{ confirmLabel }
				</Button>
			</div>
		</Modal>
	);
}
