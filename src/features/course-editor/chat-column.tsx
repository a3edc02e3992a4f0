/**
 * The chat half of the editor, connected to `mpcc/session`.
 */
import { useDispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as sessionStore } from '../../store';
import { useSession } from '../../hooks/use-session';
import { useDemoProvider } from '../../hooks/use-demo-provider';
import { ChatPanel } from '../../components/chat';
import { examplePrompts } from './constants';
import { ResumeLatest } from './sessions/resume-latest';

export function ChatColumn( {
	onResume,
	focusOnMount = false,
}: {
	/** Opens another conversation (the empty state offers the last one). */
	onResume: ( id: string ) => void;
	/** The message box takes the focus when the chat appears (the courses list's modal). */
	focusOnMount?: boolean;
} ) {
	const view = useSession( 'chat' );
	const demo = useDemoProvider();
	const { sendMessage, stopMessage, retryMessage, clearRequestError } =
		useDispatch( sessionStore );
	const error = view.sessionExpired ? null : view.request.error;
	return (
		<ChatPanel
			messages={ view.messages }
			streamingText={ view.streamingText }
			status={ view.request.status }
			error={ error }
			onSend={ ( text ) => void sendMessage( text ) }
			onStop={ () => void stopMessage() }
			onRetry={ () => void retryMessage() }
			onDismissError={ () => void clearRequestError( 'chat' ) }
			examplePrompts={ examplePrompts() }
			demo={ demo }
			disabled={ view.sessionExpired }
			focusOnMount={ focusOnMount }
			placeholder={
				view.structure
					? __(
							'Ask for changes to the outline, or say it looks good…',
							'courses-copilot'
						)
					: undefined
			}
			draftKey="course-editor"
			label={ __( 'Conversation with the copilot', 'courses-copilot' ) }
			emptyText={ __(
				'Describe the course — its topic, who it is for, how long it should be — and the copilot drafts an outline you can shape beside the chat. Or start from an example:',
				'courses-copilot'
			) }
			emptyExtra={ <ResumeLatest onResume={ onResume } /> }
		/>
	);
}
