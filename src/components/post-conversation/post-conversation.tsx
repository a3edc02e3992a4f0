/**
 * The conversation part of a post's assistant (block editor sidebar and classic editor box): a
 * failed load with Retry, "Loading…" until the conversation is bound to the post, then the
 * empty-state text or the messages, then `children` (the suggestions); the stream is announced.
 */
import { Spinner, VisuallyHidden } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import { MessageList } from '../chat';
import { ErrorNotice } from '../error-notice';
import { store as sessionStore } from '../../store';
import type { usePostAssistant } from '../../hooks/use-post-assistant';

export function PostConversation( {
	assistant,
	postId,
	postType,
	loadingClassName,
	empty,
	children,
}: {
	assistant: ReturnType< typeof usePostAssistant >;
	postId: number;
	postType: string;
	loadingClassName?: string;
	/** Shown while the conversation has no message yet. */
	empty: ReactNode;
	children?: ReactNode;
} ) {
	const { session, loadError, ready, busy, announcement } = assistant;
	const { openPostSession, clearRequestError } = useDispatch( sessionStore );
	return (
		<>
			{ loadError && (
				<ErrorNotice
					error={ loadError }
					compact
					onRetry={ () => void openPostSession( postId, postType ) }
					onDismiss={ () => clearRequestError( 'load' ) }
				/>
			) }
			{ ! ready && ! loadError ? (
				<p className={ loadingClassName }>
					<Spinner />{ ' ' }
					{ __(
						'Loading this post’s conversation…',
						'courses-copilot'
					) }
				</p>
			) : (
				<>
					{ session.messages.length === 0 && ! busy ? (
						empty
					) : (
						<MessageList
							messages={ session.messages }
							streamingText={ session.streamingText }
							waiting={ session.request.status === 'requesting' }
							label={ __(
								'Conversation with the copilot',
								'courses-copilot'
							) }
						/>
					) }
					{ children }
				</>
			) }
			<VisuallyHidden aria-live="polite" aria-atomic="true">
				{ announcement }
			</VisuallyHidden>
		</>
	);
}
