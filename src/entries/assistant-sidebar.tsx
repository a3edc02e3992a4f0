/**
 * Registers the Courses Copilot assistant sidebar in the block editor (courses and lessons only:
 * the plugin renders nothing for other post types).
 */
import { registerPlugin } from '@wordpress/plugins';
import {
	AssistantSidebarPlugin,
	PLUGIN_NAME,
} from '../features/assistant-sidebar';
import '../features/assistant-sidebar/style.scss';

registerPlugin( PLUGIN_NAME, {
	render: AssistantSidebarPlugin,
	icon: 'lightbulb',
} );
