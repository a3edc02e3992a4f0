/**
 * PluginMoreMenuItem from wp.editor where WordPress has it (6.6+), else from wp.editPost (6.5),
 * as src/components/editor-slots.ts does for the other slots.
 */
import * as editor from '@wordpress/editor';
import * as editPost from '@wordpress/edit-post';

export const PluginMoreMenuItem =
	editor.PluginMoreMenuItem ?? editPost.PluginMoreMenuItem;
