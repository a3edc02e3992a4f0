/**
 * @wordpress/editor and @wordpress/edit-post are webpack externals (wp.editor, wp.editPost) and are not
 * installed: their npm releases pull React 19-era dependencies that conflict with WordPress 6.5/6.6.
 * We use a handful of their exports, typed here.
 */
declare module '@wordpress/editor' {
	import type { ComponentType, ReactNode } from 'react';
	export const PluginSidebar: ComponentType< { name: string; title: string; icon?: ReactNode; className?: string; children?: ReactNode } > | undefined;
	export const PluginSidebarMoreMenuItem: ComponentType< { target: string; icon?: ReactNode; children?: ReactNode } > | undefined;
	export const PluginDocumentSettingPanel: ComponentType< { name: string; title: string; className?: string; children?: ReactNode } > | undefined;
	export const store: { name: 'core/editor' };
}

declare module '@wordpress/edit-post' {
	import type { ComponentType, ReactNode } from 'react';
	export const PluginSidebar: ComponentType< { name: string; title: string; icon?: ReactNode; className?: string; children?: ReactNode } > | undefined;
	export const PluginSidebarMoreMenuItem: ComponentType< { target: string; icon?: ReactNode; children?: ReactNode } > | undefined;
	export const PluginDocumentSettingPanel: ComponentType< { name: string; title: string; className?: string; children?: ReactNode } > | undefined;
	export const store: { name: 'core/edit-post' };
}

declare module '@wordpress/block-editor' {
	export const store: { name: 'core/block-editor' };
}
