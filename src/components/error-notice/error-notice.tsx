/**
 * An error with its message and next step (docs/contracts.md "Error codes", words from src/api/error-messages.ts):
 * expired nonce / logged out → Reload; AI unavailable → Try again; rate limited → when to retry
 * (counting down); bad input → what to fix.
 */
import { Button, Notice } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { describeError } from '../../api/error-messages';
import type { ErrorInfo } from '../../api/errors';

export interface ErrorNoticeProps {
	error: ErrorInfo | null | undefined;
	/** Offered for codes worth retrying (AI unavailable, offline, rate limited after the wait …). */
	onRetry?: () => void;
	onDismiss?: () => void;
	/** Default: reload the page. */
	onReload?: () => void;
	/** Narrow layout (editor sidebar). */
	compact?: boolean;
	className?: string;
}

function useCountdown( seconds: number | undefined, key: unknown ): number {
	const [ left, setLeft ] = useState( seconds ?? 0 );
	useEffect( () => {
		setLeft( seconds ?? 0 );
		if ( ! seconds ) {
			return undefined;
		}
		const started = Date.now();
		const timer = setInterval( () => {
			const remaining = Math.max(
				0,
				seconds - Math.floor( ( Date.now() - started ) / 1000 )
			);
			setLeft( remaining );
			if ( remaining === 0 ) {
				clearInterval( timer );
			}
		}, 1000 );
		return () => clearInterval( timer );
	}, [ seconds, key ] );
	return left;
}

export function ErrorNotice( {
	error,
	onRetry,
	onDismiss,
	onReload,
	compact = false,
	className = '',
}: ErrorNoticeProps ) {
	const waitFor = useCountdown(
		error?.code === 'mpcc_rate_limited' ? error.retryAfter : undefined,
		error
	);
	if ( ! error ) {
		return null;
	}
	const description = describeError( error.code, error.retryAfter );
	let nextStep = description.nextStep;
	if ( error.code === 'mpcc_rate_limited' && error.retryAfter ) {
		nextStep =
			waitFor > 0
				? sprintf(
						/* translators: %d: seconds to wait */
						__( 'Try again in %d seconds.', 'courses-copilot' ),
						waitFor
					)
				: __( 'You can try again now.', 'courses-copilot' );
	}
	const reload = onReload ?? ( () => window.location.reload() );
	let action = null;
	if ( description.recovery === 'reload' ) {
		action = (
			<Button variant="primary" size="compact" onClick={ reload }>
				{ __( 'Reload page', 'courses-copilot' ) }
			</Button>
		);
	} else if (
		onRetry &&
		( description.recovery === 'retry' || description.recovery === 'wait' )
	) {
		action = (
			<Button
				variant="secondary"
				size="compact"
				onClick={ onRetry }
				disabled={ description.recovery === 'wait' && waitFor > 0 }
			>
				{ __( 'Try again', 'courses-copilot' ) }
			</Button>
		);
	}
	const status =
		description.recovery === 'wait' || error.code === 'mpcc_offline'
			? 'warning'
			: 'error';
	return (
		<Notice
			status={ status }
			isDismissible={ !! onDismiss }
			onRemove={ onDismiss }
			className={ `mpcc-error-notice${ compact ? ' is-compact' : '' } ${ className }`.trim() }
		>
			<p className="mpcc-error-notice__message">
				<strong>{ description.message }</strong> { nextStep }
			</p>
			{ error.suggestion && (
				<p className="mpcc-error-notice__suggestion">
					{ error.suggestion }
				</p>
			) }
			{ action && (
				<div className="mpcc-error-notice__actions">{ action }</div>
			) }
		</Notice>
	);
}
