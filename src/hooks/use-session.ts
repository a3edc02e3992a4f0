import { useSelect } from '@wordpress/data';
import { store } from '../store';
import type {
	ConversationState,
	CourseStructure,
	LocalMessage,
	RequestKey,
	RequestState,
} from '../store/types';

export interface SessionView {
	sessionId: string | null;
	title: string;
	messages: LocalMessage[];
	streamingText: string | null;
	structure: CourseStructure | null;
	conversationState: ConversationState;
	request: RequestState;
	isBusy: boolean;
	canRetry: boolean;
	canUndo: boolean;
	canRedo: boolean;
	isDemo: boolean;
	sessionExpired: boolean;
}

/** The conversation and outline of the current session, plus the state of one request (default: chat). */
export function useSession( requestKey: RequestKey = 'chat' ): SessionView {
	return useSelect(
		( select ) => {
			const s = select( store );
			return {
				sessionId: s.getSessionId(),
				title: s.getSessionTitle(),
				messages: s.getMessages(),
				streamingText: s.getStreamingText(),
				structure: s.getCourseStructure(),
				conversationState: s.getConversationState(),
				request: s.getRequest( requestKey ),
				isBusy: s.isRequesting( requestKey ),
				canRetry: s.getRetryableMessage() !== null,
				canUndo: s.canUndo(),
				canRedo: s.canRedo(),
				isDemo: s.isDemo(),
				sessionExpired: s.isSessionExpired(),
			};
		},
		[ requestKey ]
	);
}
