/**
 * A stand-in `core/block-editor` store: the selectors and actions the sidebar uses, recording every
 * action it receives (a suggestion must apply in one).
 */
import type { Block } from '@wordpress/blocks';
import { createReduxStore } from '@wordpress/data';

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

const asArray = < T >( value: T | T[] ): T[] =>
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
