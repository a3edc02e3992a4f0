/**
 * Small stand-ins for what the block editor provides at runtime, for component tests under a real
 * registry: `core/editor` and `core/block-editor` stores (just the selectors and actions the
 * sidebar uses, recording every action they receive), a PluginSidebar slot, and a few core blocks
 * registered with @wordpress/blocks so parse / serialize / rawHandler run for real.
 *
 * Test files import './editor-mocks' first: it puts these modules in place of the editor packages.
 */
import { createBlock } from '@wordpress/blocks';
import type { ReactNode } from 'react';
import { blockEditorStore } from './fake-block-editor-store';
import { editorStore } from './fake-editor-store';

export { registerTestBlocks } from './test-blocks';
export { blockEditorStore, recorded } from './fake-block-editor-store';
export type { RecordedAction } from './fake-block-editor-store';
export { editorStore } from './fake-editor-store';

function PluginSidebar( {
	title,
	children,
}: {
	name: string;
	title: string;
	children?: ReactNode;
} ) {
	return (
		<div role="region" aria-label={ title } data-testid="plugin-sidebar">
			{ children }
		</div>
	);
}

function PluginSidebarMoreMenuItem( {
	children,
}: {
	target: string;
	children?: ReactNode;
} ) {
	return (
		<button role="menuitemcheckbox" aria-checked="false">
			{ children }
		</button>
	);
}

export const editorModule = {
	store: editorStore,
	PluginSidebar,
	PluginSidebarMoreMenuItem,
};
export const blockEditorModule = { store: blockEditorStore };

export { createBlock };
