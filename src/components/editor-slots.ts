/**
 * The editor's plugin slots, from wp.editor where WordPress has them (6.6+) and from wp.editPost
 * otherwise (6.5). Reading wp.editPost's copies on 6.6 would log a deprecation on every load.
 */
import * as editor from '@wordpress/editor';
import * as editPost from '@wordpress/edit-post';

export const PluginSidebar = editor.PluginSidebar ?? editPost.PluginSidebar;
export const PluginSidebarMoreMenuItem =
	editor.PluginSidebarMoreMenuItem ?? editPost.PluginSidebarMoreMenuItem;
export const PluginDocumentSettingPanel =
	editor.PluginDocumentSettingPanel ?? editPost.PluginDocumentSettingPanel;
