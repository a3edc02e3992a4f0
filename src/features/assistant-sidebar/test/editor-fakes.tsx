/**
 * Small stand-ins for what the block editor provides at runtime, for component tests under a real
 * registry: `core/editor` and `core/block-editor` stores (just the selectors and actions the
 * sidebar uses, recording every action they receive), a PluginSidebar slot, and a few core blocks
 * registered with @wordpress/blocks so parse / serialize / rawHandler run for real.
 *
 * In a test file:
 *   jest.mock( '@wordpress/editor', () => require( './editor-fakes' ).editorModule, { virtual: true } );
 *   jest.mock( '@wordpress/edit-post', () => ( {} ), { virtual: true } );
 *   jest.mock( '@wordpress/block-editor', () => require( './editor-fakes' ).blockEditorModule, { virtual: true } );
 */
import {
	createBlock,
	getBlockType,
	registerBlockType,
	serialize,
	setDefaultBlockName,
	setFreeformContentHandlerName,
	setUnregisteredTypeHandlerName,
	type Block,
} from '@wordpress/blocks';
import { createReduxStore, createRegistrySelector } from '@wordpress/data';
import { RawHTML } from '@wordpress/element';
import type { ReactNode } from 'react';

/* ---------- Blocks ---------- */

/** What InnerBlocks.Content does: the inner blocks' markup, as is. */
function InnerBlocksContent( { blocks }: { blocks: Block[] } ) {
	return <RawHTML>{ serialize( blocks ) }</RawHTML>;
}

const html = ( selector: string ) =>
	( { type: 'string', source: 'html', selector, default: '' } ) as const;

export function registerTestBlocks(): void {
	if ( getBlockType( 'core/paragraph' ) ) {
		return;
	}
	const common = { category: 'text', apiVersion: 3, edit: () => null };
	registerBlockType( 'core/paragraph', {
		...common,
		title: 'Paragraph',
		attributes: { content: html( 'p' ) },
		save: ( { attributes }: { attributes: { content: string } } ) => (
			<p>
				<RawHTML>{ attributes.content }</RawHTML>
			</p>
		),
		transforms: {
			from: [
				{
					type: 'raw',
					selector: 'p',
					schema: ( {
						phrasingContentSchema,
					}: {
						phrasingContentSchema: unknown;
					} ) => ( {
						p: { children: phrasingContentSchema },
					} ),
				},
			],
		},
	} as never );
	registerBlockType( 'core/heading', {
		...common,
		title: 'Heading',
		attributes: {
			content: html( 'h1,h2,h3,h4,h5,h6' ),
			level: { type: 'number', default: 2 },
		},
		save: ( {
			attributes,
		}: {
			attributes: { content: string; level: number };
		} ) => {
			const Tag = `h${ attributes.level }` as 'h2';
			return (
				<Tag className="wp-block-heading">
					<RawHTML>{ attributes.content }</RawHTML>
				</Tag>
			);
		},
	} as never );
	registerBlockType( 'core/list', {
		...common,
		title: 'List',
		attributes: { ordered: { type: 'boolean', default: false } },
		save: ( {
			attributes,
			innerBlocks,
		}: {
			attributes: { ordered: boolean };
			innerBlocks: Block[];
		} ) => {
			const Tag = attributes.ordered ? 'ol' : 'ul';
			return (
				<Tag className="wp-block-list">
					<InnerBlocksContent blocks={ innerBlocks } />
				</Tag>
			);
		},
	} as never );
	registerBlockType( 'core/list-item', {
		...common,
		title: 'List item',
		parent: [ 'core/list' ],
		attributes: { content: html( 'li' ) },
		save: ( { attributes }: { attributes: { content: string } } ) => (
			<li>
				<RawHTML>{ attributes.content }</RawHTML>
			</li>
		),
	} as never );
	registerBlockType( 'core/group', {
		...common,
		title: 'Group',
		attributes: {},
		save: ( { innerBlocks }: { innerBlocks: Block[] } ) => (
			<div className="wp-block-group">
				<InnerBlocksContent blocks={ innerBlocks } />
			</div>
		),
	} as never );
	for ( const name of [ 'core/freeform', 'core/html' ] ) {
		registerBlockType( name, {
			...common,
			title: name,
			attributes: { content: { type: 'string', source: 'raw' } },
			save: ( { attributes }: { attributes: { content: string } } ) => (
				<RawHTML>{ attributes.content }</RawHTML>
			),
		} as never );
	}
	registerBlockType( 'core/missing', {
		...common,
		title: 'Missing',
		attributes: {
			originalName: { type: 'string' },
			originalContent: { type: 'string', source: 'raw' },
		},
		save: ( {
			attributes,
		}: {
			attributes: { originalContent: string };
		} ) => <RawHTML>{ attributes.originalContent }</RawHTML>,
	} as never );
	setDefaultBlockName( 'core/paragraph' );
	setFreeformContentHandlerName( 'core/freeform' );
	setUnregisteredTypeHandlerName( 'core/missing' );
}

/* ---------- core/block-editor ---------- */

interface BlockEditorState {
	blocks: Block[];
	selected: string | null;
}

export type RecordedAction = { type: string; [ key: string ]: unknown };

/** Every action the fake stores handled, in order (a suggestion must apply in one). */
export const recorded: RecordedAction[] = [];

function findParent(
	blocks: Block[],
	clientId: string,
	parent: string
): string | null {
	for ( const block of blocks ) {
		if ( block.clientId === clientId ) {
			return parent;
		}
		const found = findParent( block.innerBlocks, clientId, block.clientId );
		if ( found !== null ) {
			return found;
		}
	}
	return null;
}

function findBlock( blocks: Block[], clientId: string ): Block | null {
	for ( const block of blocks ) {
		if ( block.clientId === clientId ) {
			return block;
		}
		const found = findBlock( block.innerBlocks, clientId );
		if ( found ) {
			return found;
		}
	}
	return null;
}

function childrenOf(
	state: BlockEditorState,
	rootClientId?: string | null
): Block[] {
	return rootClientId
		? ( findBlock( state.blocks, rootClientId )?.innerBlocks ?? [] )
		: state.blocks;
}

function mapChildren(
	blocks: Block[],
	rootClientId: string | null | undefined,
	fn: ( children: Block[] ) => Block[]
): Block[] {
	if ( ! rootClientId ) {
		return fn( blocks );
	}
	return blocks.map( ( block ) =>
		block.clientId === rootClientId
			? { ...block, innerBlocks: fn( block.innerBlocks ) }
			: {
					...block,
					innerBlocks: mapChildren(
						block.innerBlocks,
						rootClientId,
						fn
					),
				}
	);
}

function replaceIn(
	blocks: Block[],
	ids: string[],
	replacement: Block[]
): Block[] {
	return blocks.flatMap( ( block ) => {
		if ( block.clientId === ids[ 0 ] ) {
			return replacement;
		}
		if ( ids.includes( block.clientId ) ) {
			return [];
		}
		return [
			{
				...block,
				innerBlocks: replaceIn( block.innerBlocks, ids, replacement ),
			},
		];
	} );
}

const asArray = < T, >( value: T | T[] ): T[] =>
	Array.isArray( value ) ? value : [ value ];

export const blockEditorStore = createReduxStore( 'core/block-editor', {
	reducer(
		state: BlockEditorState = { blocks: [], selected: null },
		action: RecordedAction
	): BlockEditorState {
		switch ( action.type ) {
			case 'RESET_BLOCKS':
				return { blocks: action.blocks as Block[], selected: null };
			case 'SELECT_BLOCK':
				return { ...state, selected: action.clientId as string | null };
			case 'INSERT_BLOCKS': {
				const blocks = action.blocks as Block[];
				const root = action.rootClientId as string | undefined;
				return {
					blocks: mapChildren( state.blocks, root, ( children ) => {
						const index =
							typeof action.index === 'number'
								? action.index
								: children.length;
						return [
							...children.slice( 0, index ),
							...blocks,
							...children.slice( index ),
						];
					} ),
					selected:
						blocks[ blocks.length - 1 ]?.clientId ?? state.selected,
				};
			}
			case 'REPLACE_BLOCKS': {
				const blocks = action.blocks as Block[];
				return {
					blocks: replaceIn(
						state.blocks,
						action.clientIds as string[],
						blocks
					),
					selected: blocks[ blocks.length - 1 ]?.clientId ?? null,
				};
			}
		}
		return state;
	},
	selectors: {
		getBlocks: ( state: BlockEditorState, rootClientId?: string | null ) =>
			childrenOf( state, rootClientId ),
		getBlock: ( state: BlockEditorState, clientId: string ) =>
			findBlock( state.blocks, clientId ),
		getBlockCount: (
			state: BlockEditorState,
			rootClientId?: string | null
		) => childrenOf( state, rootClientId ).length,
		getBlockIndex: ( state: BlockEditorState, clientId: string ) => {
			const parent = findParent( state.blocks, clientId, '' );
			return parent === null
				? -1
				: childrenOf( state, parent ).findIndex(
						( b ) => b.clientId === clientId
					);
		},
		getBlockRootClientId: ( state: BlockEditorState, clientId: string ) =>
			findParent( state.blocks, clientId, '' ),
		getSelectedBlockClientId: ( state: BlockEditorState ) => state.selected,
		getSelectedBlock: ( state: BlockEditorState ) =>
			state.selected ? findBlock( state.blocks, state.selected ) : null,
	},
	actions: {
		resetBlocks: ( blocks: Block[] ) => ( {
			type: 'RESET_BLOCKS',
			blocks,
		} ),
		selectBlock: ( clientId: string | null ) => ( {
			type: 'SELECT_BLOCK',
			clientId,
		} ),
		insertBlocks(
			blocks: Block | Block[],
			index?: number,
			rootClientId?: string
		) {
			const action = {
				type: 'INSERT_BLOCKS',
				blocks: asArray( blocks ),
				index,
				rootClientId,
			};
			recorded.push( action );
			return action;
		},
		replaceBlocks( clientIds: string | string[], blocks: Block | Block[] ) {
			const action = {
				type: 'REPLACE_BLOCKS',
				clientIds: asArray( clientIds ),
				blocks: asArray( blocks ),
			};
			recorded.push( action );
			return action;
		},
	},
} );

/* ---------- core/editor ---------- */

interface EditorState {
	postId: number;
	postType: string;
	edits: Record< string, unknown >;
	/** Snapshots of `edits` before each editPost (undo pops one). */
	past: Array< Record< string, unknown > >;
}

export const editorStore = createReduxStore( 'core/editor', {
	reducer(
		state: EditorState = {
			postId: 0,
			postType: 'post',
			edits: { title: '', excerpt: '' },
			past: [],
		},
		action: RecordedAction
	): EditorState {
		switch ( action.type ) {
			case 'SETUP':
				return {
					postId: action.postId as number,
					postType: action.postType as string,
					edits: action.edits as Record< string, unknown >,
					past: [],
				};
			case 'EDIT_POST':
				return {
					...state,
					past: [ ...state.past, state.edits ],
					edits: { ...state.edits, ...( action.edits as object ) },
				};
			case 'UNDO':
				return state.past.length
					? {
							...state,
							edits:
								state.past[ state.past.length - 1 ] ??
								state.edits,
							past: state.past.slice( 0, -1 ),
						}
					: state;
		}
		return state;
	},
	selectors: {
		getCurrentPostId: ( state: EditorState ) => state.postId,
		getCurrentPostType: ( state: EditorState ) => state.postType,
		getEditedPostAttribute: ( state: EditorState, attribute: string ) =>
			state.edits[ attribute ],
		getEditedPostContent: createRegistrySelector(
			( select ) => () =>
				serialize( select( blockEditorStore ).getBlocks() )
		),
		isSavingPost: () => false,
	},
	actions: {
		setupPost: (
			postId: number,
			postType: string,
			edits: Record< string, unknown > = {}
		) => ( {
			type: 'SETUP',
			postId,
			postType,
			edits: { title: '', excerpt: '', ...edits },
		} ),
		editPost( edits: Record< string, unknown > ) {
			const action = { type: 'EDIT_POST', edits };
			recorded.push( action );
			return action;
		},
		undo() {
			const action = { type: 'UNDO' };
			recorded.push( action );
			return action;
		},
		savePost: () => ( { type: 'SAVE' } ),
	},
} );

/* ---------- Modules ---------- */

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
