/**
 * The line under a conversation whose last message got no reply (stopped, or lost): why, and Retry.
 * Shown where no error notice already offers Retry.
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

export function RetryRow( {
	className,
	message,
	onRetry,
}: {
	className: string;
	message: string;
	onRetry: () => void;
} ) {
	return (
		<div className={ className }>
			<span>{ message }</span>
			<Button variant="secondary" size="compact" onClick={ onRetry }>
				{ __( 'Retry', 'courses-copilot' ) }
			</Button>
		</div>
	);
}
