/**
 * Mounts the assistant in the "AI Course Assistant" metabox, where courses or lessons are edited in
 * the Classic Editor (php-bridge/Editor/ClassicMetabox.php prints the box and checks the post type).
 */
import domReady from '@wordpress/dom-ready';
import { createRoot } from '@wordpress/element';
import { ClassicAssistant } from '../features/classic-assistant/classic-assistant';
import '../components/chat/style.scss';
import '../features/assistant-sidebar/style.scss';
import '../features/classic-assistant/style.scss';

domReady( () => {
	const root = document.getElementById( 'mpcc-classic-assistant-root' );
	const postId = Number( root?.dataset.postId ?? 0 );
	const postType = root?.dataset.postType ?? '';
	if ( root && postId > 0 && postType ) {
		createRoot( root ).render(
			<ClassicAssistant postId={ postId } postType={ postType } />
		);
	}
} );
