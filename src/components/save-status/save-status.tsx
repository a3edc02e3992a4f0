/**
 * Where the session's save stands: "Saved 12:03", "Saving…", "Unsaved changes",
 * "Offline — kept on this device", or "Conflict" with Keep mine / Use saved version.
 */
import { Button, Spinner, VisuallyHidden } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { ErrorInfo } from '../../api/errors';
import type { SaveStatus as SaveStatusValue } from '../../store/types';
import { ActionsRow } from '../actions-row';
import { saveStatusLabel, sessionExpiredLabel } from './label';

export interface SaveStatusProps {
	status: SaveStatusValue;
	lastSavedAt: number | null;
	/** The server has a copy (shown as "Saved" when idle and no save time is known). */
	saved?: boolean;
	error?: ErrorInfo | null;
	/** The nonce or login expired: only a reload helps. */
	sessionExpired?: boolean;
	onKeepMine?: () => void;
	onUseSaved?: () => void;
	/** "Save now" after an error. */
	onRetry?: () => void;
	compact?: boolean;
	className?: string;
}

export function SaveStatus( {
	status,
	lastSavedAt,
	saved = false,
	error = null,
	sessionExpired = false,
	onKeepMine,
	onUseSaved,
	onRetry,
	compact = false,
	className = '',
}: SaveStatusProps ) {
	const text = sessionExpired
		? sessionExpiredLabel()
		: saveStatusLabel( status, lastSavedAt, error, { saved } );
	let tone = '';
	if ( sessionExpired || status === 'error' || status === 'conflict' ) {
		tone = 'is-error';
	} else if ( status === 'offline' ) {
		tone = 'is-warning';
	}
	return (
		<div
			className={ `mpcc-save-status ${ tone } ${ compact ? 'is-compact' : '' } ${ className }`
				.replace( /\s+/g, ' ' )
				.trim() }
			data-status={ sessionExpired ? 'expired' : status }
		>
			<span className="mpcc-save-status__text">
				{ status === 'saving' && <Spinner /> }
				{ text }
			</span>
			{ /* Routine saves stay quiet; trouble is announced. */ }
			<VisuallyHidden aria-live="polite">
				{ tone ? text : '' }
			</VisuallyHidden>
			{ ! sessionExpired &&
				status === 'conflict' &&
				( onKeepMine || onUseSaved ) && (
					<ActionsRow
						as="span"
						className="mpcc-save-status__actions"
						size="small"
						actions={ [
							onKeepMine && {
								variant: 'secondary',
								onClick: onKeepMine,
								children: __( 'Keep mine', 'courses-copilot' ),
							},
							onUseSaved && {
								variant: 'tertiary',
								onClick: onUseSaved,
								children: __(
									'Use saved version',
									'courses-copilot'
								),
							},
						] }
					/>
				) }
			{ ! sessionExpired && status === 'error' && onRetry && (
				<Button variant="link" onClick={ onRetry }>
					{ __( 'Save now', 'courses-copilot' ) }
				</Button>
			) }
		</div>
	);
}
