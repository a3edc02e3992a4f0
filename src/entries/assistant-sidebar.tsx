/**
 * Registers the Courses Copilot assistant sidebar in the block editor (courses and lessons only).
 */
import { registerPlugin } from '@wordpress/plugins';
import { __ } from '@wordpress/i18n';
import { PluginSidebar, PluginSidebarMoreMenuItem } from '../components/editor-slots';

const SIDEBAR = 'courses-copilot-assistant';

function AssistantSidebarPlugin() {
	if ( ! PluginSidebar || ! PluginSidebarMoreMenuItem ) {
		return null;
	}
	return (
		<>
			<PluginSidebarMoreMenuItem target={ SIDEBAR }>{ __( 'Courses Copilot', 'courses-copilot' ) }</PluginSidebarMoreMenuItem>
			<PluginSidebar name={ SIDEBAR } title={ __( 'Courses Copilot', 'courses-copilot' ) }>
				<p>{ __( 'Courses Copilot', 'courses-copilot' ) }</p>
			</PluginSidebar>
		</>
	);
}

registerPlugin( 'courses-copilot', { render: AssistantSidebarPlugin, icon: 'lightbulb' } );
