/**
 * The packages `@wordpress/editor` and `@wordpress/edit-post` are webpack externals (wp.editor, wp.editPost) and are not
 * installed: their npm releases pull React 19-era dependencies that conflict with WordPress 6.5/6.6.
 * We use a handful of their exports, typed here.
 */
declare module '@wordpress/editor' {
	import type { ComponentType, ReactNode } from 'react';
	export const PluginSidebar:
		| ComponentType< {
				name: string;
				title: string;
				icon?: ReactNode;
				className?: string;
				children?: ReactNode;
		  } >
		| undefined;
	export const PluginSidebarMoreMenuItem:
		| ComponentType< {
				target: string;
				icon?: ReactNode;
				children?: ReactNode;
		  } >
		| undefined;
	export const PluginDocumentSettingPanel:
		| ComponentType< {
				name: string;
				title: string;
				className?: string;
				children?: ReactNode;
		  } >
		| undefined;
	export const PluginMoreMenuItem:
		| ComponentType< {
				icon?: ReactNode;
				onClick?: () => void;
				children?: ReactNode;
		  } >
		| undefined;
	import type { StoreDescriptor, ReduxStoreConfig } from '@wordpress/data';
	/** The part of core/editor's store that we use (selectors take the state first, as in a store config). */
	export interface EditorSelectors {
		getCurrentPostId: ( state: unknown ) => number | null;
		getCurrentPostType: ( state: unknown ) => string | null;
		getEditedPostAttribute: (
			state: unknown,
			attribute: string
		) => unknown;
		getEditedPostContent: ( state: unknown ) => string;
		isSavingPost: ( state: unknown ) => boolean;
	}
	export interface EditorActions {
		editPost: (
			edits: Record< string, unknown >,
			options?: Record< string, unknown >
		) => unknown;
		savePost: ( options?: Record< string, unknown > ) => unknown;
		undo: () => unknown;
	}
	export const store: StoreDescriptor<
		ReduxStoreConfig< unknown, EditorActions, EditorSelectors >
	>;
}

/** WordPress 6.5 has the same plugin slots here (6.6 moved them to @wordpress/editor). */
declare module '@wordpress/edit-post' {
	export {
		PluginSidebar,
		PluginSidebarMoreMenuItem,
		PluginDocumentSettingPanel,
		PluginMoreMenuItem,
	} from '@wordpress/editor';
	export const store: { name: 'core/edit-post' };
}

declare module '@wordpress/block-editor' {
	import type { StoreDescriptor, ReduxStoreConfig } from '@wordpress/data';
	import type { Block } from '@wordpress/blocks';
	/** The part of core/block-editor's store that we use. */
	export interface BlockEditorSelectors {
		getBlocks: ( state: unknown, rootClientId?: string | null ) => Block[];
		getBlock: ( state: unknown, clientId: string ) => Block | null;
		getBlockCount: (
			state: unknown,
			rootClientId?: string | null
		) => number;
		getBlockIndex: ( state: unknown, clientId: string ) => number;
		getBlockRootClientId: (
			state: unknown,
			clientId: string
		) => string | null;
		getSelectedBlock: ( state: unknown ) => Block | null;
		getSelectedBlockClientId: ( state: unknown ) => string | null;
	}
	export interface BlockEditorActions {
		insertBlocks: (
			blocks: Block | Block[],
			index?: number,
			rootClientId?: string | null,
			updateSelection?: boolean
		) => unknown;
		replaceBlocks: (
			clientIds: string | string[],
			blocks: Block | Block[]
		) => unknown;
	}
	export const store: StoreDescriptor<
		ReduxStoreConfig< unknown, BlockEditorActions, BlockEditorSelectors >
	>;
}

/* Added for the quiz modal and question blocks. */
declare module '@wordpress/block-editor' {
	import type { HTMLAttributes } from 'react';
	export function useBlockProps(
		props?: HTMLAttributes< HTMLElement > & Record< string, unknown >
	): HTMLAttributes< HTMLElement > & Record< string, unknown >;
}
