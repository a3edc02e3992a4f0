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

/* Added for the quiz modal and question blocks. */
declare module '@wordpress/block-editor' {
	import type { HTMLAttributes } from 'react';
	export function useBlockProps( props?: HTMLAttributes< HTMLElement > & Record< string, unknown > ): HTMLAttributes< HTMLElement > & Record< string, unknown >;
}

declare module '@wordpress/editor' {
	import type { ComponentType, ReactNode } from 'react';
	export const PluginMoreMenuItem: ComponentType< { icon?: ReactNode; onClick?: () => void; children?: ReactNode } > | undefined;
}

declare module '@wordpress/edit-post' {
	import type { ComponentType, ReactNode } from 'react';
	export const PluginMoreMenuItem: ComponentType< { icon?: ReactNode; onClick?: () => void; children?: ReactNode } > | undefined;
}
