import { useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { store as sessionStore } from '../store';

/**
 * On a post not saved yet (`post-new.php`), once its conversation exists the address becomes the
 * post's own (`post.php?post=<id>&action=edit`), as WordPress makes it on the first save. Why: a
 * reload of `post-new.php` opens another new post, and the conversation, bound to this one, looked
 * lost with it.
 */
export function useReachableNewPost( postId: number ): void {
	const hasConversation = useSelect(
		( select ) =>
			select( sessionStore ).getPostId() === postId &&
			select( sessionStore ).getSessionId() !== null,
		[ postId ]
	);
	useEffect( () => {
		const { location, history } = window;
		if (
			! hasConversation ||
			! postId ||
			! location.pathname.endsWith( '/post-new.php' )
		) {
			return;
		}
		const url = new URL( location.href );
		url.pathname = url.pathname.replace( /post-new\.php$/, 'post.php' );
		url.search = `?post=${ postId }&action=edit`;
		history.replaceState( history.state, '', url.toString() );
	}, [ hasConversation, postId ] );
}
