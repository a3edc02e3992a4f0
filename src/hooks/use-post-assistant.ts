import { useSelect } from '@wordpress/data';
import { useStreamAnnouncer } from '../components/chat';
import { store as sessionStore } from '../store';
import { useDemoProvider } from './use-demo-provider';
import { usePostSession } from './use-post-session';
import { useReachableNewPost } from './use-reachable-new-post';
import { useSession } from './use-session';

/**
 * The assistant conversation bound to one post, as both editors' assistants show it: opened (or
 * started) for the post, ready once it is bound and loaded, with its stream announced; on a new
 * post, the address then opens this post again.
 */
export function usePostAssistant( postId: number, postType: string ) {
	usePostSession( postId, postType );
	useReachableNewPost( postId );
	const session = useSession( 'assistant' );
	const demo = useDemoProvider();
	const { loading, loadError, boundPostId } = useSelect( ( select ) => {
		const s = select( sessionStore );
		return {
			loading: s.isRequesting( 'load' ),
			loadError: s.getRequestError( 'load' ),
			boundPostId: s.getPostId(),
		};
	}, [] );
	const announcement = useStreamAnnouncer(
		session.streamingText,
		session.messages
	);
	return {
		session,
		demo,
		loadError,
		announcement,
		ready: boundPostId === postId && ! loading,
		busy: session.isBusy,
		error: session.request.error,
	};
}
