/**
 * A chat panel for any surface: message list, composer (Enter sends, Shift+Enter newline),
 * the reply streamed in with Stop, Retry on error, example prompts when empty, a "Demo model"
 * banner, and the streamed text announced politely (throttled) to screen readers.
 */
import { Button, Notice, VisuallyHidden } from '@wordpress/components';
import { useEffect, useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { ErrorNotice } from '../error-notice';
import { Composer } from './composer';
import { MessageList } from './message-list';
import { RetryRow } from './retry-row';
import { useStreamAnnouncer } from './use-stream-announcer';
import type { ChatPanelProps } from './types';

export function DemoBanner( { compact = false }: { compact?: boolean } ) {
	return (
		<Notice
			status="info"
			isDismissible={ false }
			className={ `mpcc-demo-banner${ compact ? ' is-compact' : '' }` }
		>
			<strong>{ __( 'Demo model', 'courses-copilot' ) }</strong>{ ' ' }
			{ __(
				'Replies are written offline from your own words, not by an AI. Connect a provider in the proxy settings for real answers.',
				'courses-copilot'
			) }
		</Notice>
	);
}

export function ChatPanel( {
	messages,
	streamingText = null,
	status = 'idle',
	onSend,
	onStop,
	onRetry,
	onDismissError,
	error = null,
	examplePrompts = [],
	demo = false,
	compact = false,
	label,
	placeholder,
	emptyTitle,
	emptyText,
	emptyExtra,
	footer,
	disabled = false,
	focusOnMount = false,
	draftKey,
	className = '',
}: ChatPanelProps ) {
	const composer = useRef< HTMLTextAreaElement >( null );
	useEffect( () => {
		if ( focusOnMount ) {
			composer.current?.focus();
		}
		// Once, when the panel appears: later renders must not pull the focus back.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );
	const busy = status === 'requesting' || status === 'streaming';
	const announcement = useStreamAnnouncer( streamingText, messages );
	// The banner is about the provider now; earlier demo replies keep their own label.
	const showDemo = demo;
	const last = messages[ messages.length - 1 ];
	const canRetry =
		!! onRetry &&
		! busy &&
		!! last &&
		last.role === 'user' &&
		!! last.failed;

	return (
		<div
			className={ `mpcc-chat${ compact ? ' is-compact' : '' } ${ className }`.trim() }
		>
			{ showDemo && <DemoBanner compact={ compact } /> }
			{ messages.length === 0 && ! busy ? (
				<div className="mpcc-chat__empty">
					<h3 className="mpcc-chat__empty-title">
						{ emptyTitle ??
							__(
								'What would you like to teach?',
								'courses-copilot'
							) }
					</h3>
					{ emptyText && (
						<p className="mpcc-chat__empty-text">{ emptyText }</p>
					) }
					{ examplePrompts.length > 0 && (
						<ul
							className="mpcc-chat__prompts"
							aria-label={ __(
								'Example prompts',
								'courses-copilot'
							) }
						>
							{ examplePrompts.map( ( prompt ) => (
								<li key={ prompt }>
									<Button
										variant="secondary"
										className="mpcc-chat__prompt"
										disabled={ disabled }
										onClick={ () => {
											onSend( prompt );
											// The button goes with the empty state: the focus
											// stays where the conversation goes on.
											composer.current?.focus();
										} }
									>
										{ prompt }
									</Button>
								</li>
							) ) }
						</ul>
					) }
					{ emptyExtra }
				</div>
			) : (
				<MessageList
					messages={ messages }
					streamingText={ streamingText }
					waiting={ status === 'requesting' }
					label={ label }
				/>
			) }
			<VisuallyHidden
				aria-live="polite"
				aria-atomic="true"
				className="mpcc-chat__live"
			>
				{ announcement }
			</VisuallyHidden>
			{ error && (
				<ErrorNotice
					error={ error }
					compact={ compact }
					onRetry={ onRetry && ! busy ? onRetry : undefined }
					onDismiss={ onDismissError }
				/>
			) }
			{ canRetry && ! error && (
				<RetryRow
					className="mpcc-chat__retry"
					message={ __(
						'The reply was stopped.',
						'courses-copilot'
					) }
					onRetry={ onRetry }
				/>
			) }
			<Composer
				ref={ composer }
				draftKey={ draftKey }
				onSend={ onSend }
				onStop={ onStop }
				busy={ busy }
				disabled={ disabled }
				placeholder={ placeholder }
				compact={ compact }
			/>
			{ footer }
		</div>
	);
}
