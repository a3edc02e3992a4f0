import { useDispatch } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { store } from '../store';

/** Sidebar: keeps the store on the session of the post being edited (loaded or created). */
export function usePostSession(
	postId: number | null | undefined,
	postType: string | null | undefined
): void {
	const { openPostSession } = useDispatch( store );
	useEffect( () => {
		if ( postId && postType ) {
			openPostSession( postId, postType );
		}
	}, [ postId, postType, openPostSession ] );
}
