/**
 * The editor plugin: a more-menu item and a PluginSidebar, only on courses and lessons (the post
 * type is checked here as well as in PHP). The slots come from wp.editor, or wp.editPost on 6.5.
 */
import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as editorStore } from '@wordpress/editor';
import {
	PluginSidebar,
	PluginSidebarMoreMenuItem,
} from '../../components/editor-slots';
import { useAutoSaveLifecycle } from '../../hooks';
import {
	SIDEBAR_NAME,
	isSupportedPostType,
	type SupportedPostType,
} from './constants';
import { AssistantPanel } from './assistant-panel';

function AutoSave() {
	useAutoSaveLifecycle();
	return null;
}

function Sidebar( {
	postId,
	postType,
}: {
	postId: number;
	postType: SupportedPostType;
} ) {
	if ( ! PluginSidebar || ! PluginSidebarMoreMenuItem ) {
		return null;
	}
	const title = __( 'Courses Copilot', 'courses-copilot' );
	return (
		<>
			<AutoSave />
			<PluginSidebarMoreMenuItem target={ SIDEBAR_NAME }>
				{ title }
			</PluginSidebarMoreMenuItem>
			<PluginSidebar
				name={ SIDEBAR_NAME }
				title={ title }
				className="mpcc-assistant-sidebar"
			>
				<AssistantPanel postId={ postId } postType={ postType } />
			</PluginSidebar>
		</>
	);
}

export function AssistantSidebarPlugin() {
	const { postId, postType } = useSelect( ( select ) => {
		const editor = select( editorStore );
		return {
			postId: editor.getCurrentPostId(),
			postType: editor.getCurrentPostType(),
		};
	}, [] );
	if ( ! postId || ! isSupportedPostType( postType ) ) {
		return null;
	}
	return <Sidebar postId={ postId } postType={ postType } />;
}
