/**
 * Progress of a generation, in a live region so screen readers hear it: waiting, N of M received,
 * done; and the error with its next step (the server's suggestion for too-short content).
 */
import { __, _n, sprintf } from '@wordpress/i18n';
import { Button, Notice, Spinner } from '@wordpress/components';
import { describeError } from '../../api/error-messages';
import type { ErrorInfo } from '../../api/errors';
import type { RequestState } from '../../store/types';

interface StatusProps {
	request: RequestState;
	received: number;
	requested: number;
}

export function statusText( {
	request,
	received,
	requested,
}: StatusProps ): string {
	switch ( request.status ) {
		case 'requesting':
			return __(
				'Reading the source and writing questions…',
				'courses-copilot'
			);
		case 'streaming':
			return sprintf(
				/* translators: 1: questions received so far, 2: questions asked for */
				__( '%1$d of %2$d questions ready…', 'courses-copilot' ),
				received,
				requested
			);
		case 'done':
			return received
				? sprintf(
						/* translators: %d: number of questions */
						_n(
							'%d question ready. Review it, then insert.',
							'%d questions ready. Review them, then insert.',
							received,
							'courses-copilot'
						),
						received
					)
				: __(
						'No questions could be written from this source. Try another source or fewer questions.',
						'courses-copilot'
					);
		default:
			return '';
	}
}

export function GenerationStatus( props: StatusProps ) {
	const { request, received, requested } = props;
	const active =
		request.status === 'requesting' || request.status === 'streaming';
	const text = statusText( props );
	return (
		<div className="mpcc-quiz-modal__status">
			{ active && <Spinner /> }
			{ active && (
				<progress
					max={ requested }
					value={ received }
					aria-label={ __( 'Questions received', 'courses-copilot' ) }
				/>
			) }
			<p
				role="status"
				aria-live="polite"
				className="mpcc-quiz-modal__status-text"
			>
				{ text }
			</p>
		</div>
	);
}

export function GenerationError( {
	error,
	onRetry,
}: {
	error: ErrorInfo;
	onRetry?: () => void;
} ) {
	const { nextStep, recovery } = describeError(
		error.code,
		error.retryAfter
	);
	return (
		<Notice
			status={
				error.code === 'mpcc_content_too_short' ? 'warning' : 'error'
			}
			isDismissible={ false }
			className="mpcc-quiz-modal__error"
		>
			<p>
				<strong>{ error.message }</strong>{ ' ' }
				{ error.suggestion ?? nextStep }
			</p>
			{ recovery === 'reload' && (
				<Button
					variant="secondary"
					onClick={ () => window.location.reload() }
				>
					{ __( 'Reload the page', 'courses-copilot' ) }
				</Button>
			) }
			{ ( recovery === 'retry' || recovery === 'wait' ) && onRetry && (
				<Button variant="secondary" onClick={ onRetry }>
					{ __( 'Try again', 'courses-copilot' ) }
				</Button>
			) }
		</Notice>
	);
}
