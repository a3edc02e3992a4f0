/**
 * The sidebar's content for one post: the conversation bound to the post (loaded, or started, and
 * auto-saved by `mpcc/session`), the save status, quick actions, the composer with Stop and Retry,
 * and the latest reply's suggestions. Every message carries the live editor context.
 */
import { useDispatch, useRegistry } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { Composer, DemoBanner, RetryRow } from '../../components/chat';
import { ErrorNotice } from '../../components/error-notice';
import { PostConversation } from '../../components/post-conversation';
import { usePostAssistant } from '../../hooks';
import { store as sessionStore } from '../../store';
import type { SupportedPostType } from './constants';
import { readEditorContext } from './editor-context';
import { captureBlockTarget } from './block-target';
import { AssistantStatus } from './assistant-status';
import { QuickActions } from './quick-actions';
import { SuggestionList } from './suggestion-list';

export interface AssistantPanelProps {
	postId: number;
	postType: SupportedPostType;
}

export function AssistantPanel( { postId, postType }: AssistantPanelProps ) {
	const registry = useRegistry();
	const assistant = usePostAssistant( postId, postType );
	const { session, demo, ready, busy, error } = assistant;
	const {
		sendAssistantMessage,
		stopMessage,
		retryMessage,
		clearRequestError,
	} = useDispatch( sessionStore );
	const kind = postType === 'mpcs-course' ? 'course' : 'lesson';

	// The block selected now is what a "replace block" card of the reply is about: the card keeps it.
	const selectedTarget = () => captureBlockTarget( registry );
	const send = ( text: string ) => {
		void sendAssistantMessage(
			text,
			readEditorContext( registry ),
			selectedTarget()
		);
	};
	const retry = () => {
		clearRequestError( 'assistant' );
		void retryMessage( readEditorContext( registry ), selectedTarget() );
	};

	const assistantReplies = session.messages.filter(
		( m ) => m.role === 'assistant'
	).length;
	const last = session.messages[ session.messages.length - 1 ];
	const stopped =
		! busy && ! error && !! last && last.role === 'user' && !! last.failed;

	return (
		<div className="mpcc-assistant">
			<AssistantStatus
				sessionId={ session.sessionId }
				replies={ assistantReplies }
				busy={ busy }
			/>
			{ demo && <DemoBanner compact /> }
			<PostConversation
				assistant={ assistant }
				postId={ postId }
				postType={ postType }
				loadingClassName="mpcc-assistant__loading"
				empty={
					<div className="mpcc-assistant__empty">
						<h3 className="mpcc-assistant__empty-title">
							{ kind === 'course'
								? __(
										'Work on this course with the copilot',
										'courses-copilot'
									)
								: __(
										'Work on this lesson with the copilot',
										'courses-copilot'
									) }
						</h3>
						<p>
							{ __(
								'It reads the post as it is now, unsaved edits and the selected block included. Suggestions are previewed here and only change the post when you apply them.',
								'courses-copilot'
							) }
						</p>
					</div>
				}
			>
				<SuggestionList disabled={ busy } />
			</PostConversation>
			{ error && (
				<ErrorNotice
					error={ error }
					compact
					onRetry={ session.canRetry && ! busy ? retry : undefined }
					onDismiss={ () => clearRequestError( 'assistant' ) }
				/>
			) }
			{ stopped && (
				<RetryRow
					className="mpcc-assistant__retry"
					message={ __(
						'No reply to your last message.',
						'courses-copilot'
					) }
					onRetry={ retry }
				/>
			) }
			<QuickActions
				postType={ postType }
				onSend={ send }
				disabled={ busy || ! ready || session.sessionExpired }
			/>
			<Composer
				draftKey={ `post-${ postId }` }
				onSend={ send }
				onStop={ () => void stopMessage() }
				busy={ busy }
				disabled={ ! ready || session.sessionExpired }
				compact
				label={ __( 'Message to the copilot', 'courses-copilot' ) }
				placeholder={
					kind === 'course'
						? __( 'Ask about this course…', 'courses-copilot' )
						: __( 'Ask about this lesson…', 'courses-copilot' )
				}
			/>
		</div>
	);
}
