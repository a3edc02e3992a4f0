/**
 * Applies a suggestion to the post through the editor's own stores, each in one dispatch so one
 * press of the editor's Undo takes it back: blocks are inserted after the selected block (or at
 * the end), or replace the block that was selected when the question was asked (found again by
 * its card's target; if the author edited it since, nothing is replaced until they confirm); the
 * title and excerpt go through editPost.
 */
import { isUnmodifiedDefaultBlock, type Block } from '@wordpress/blocks';
import { store as blockEditorStore } from '@wordpress/block-editor';
import { store as editorStore } from '@wordpress/editor';
import { __ } from '@wordpress/i18n';
import type { DataRegistry } from '@wordpress/data';
import type { BlockTarget, EditorSuggestion } from '../../schemas/suggestions';
import { blocksFromMarkup } from './blocks-from-markup';
import { locateBlockTarget } from './block-target';

export type ApplyResult =
	| {
			ok: true;
			message: string;
			/** The blocks it put in the post (none for the title or excerpt). */
			clientIds: string[];
	  }
	| {
			ok: false;
			message: string;
			/** The block was edited after the suggestion: its markup then and now, for the author to compare. */
			edited?: { before: string; now: string };
	  };

export interface ApplyTarget {
	/** The block selected when the message was sent (cards saved before targets were kept). */
	clientId?: string | null;
	/** The card's stable reference to its block. */
	block?: BlockTarget;
	/** The author has seen the difference and wants their edited block replaced anyway. */
	replaceEdited?: boolean;
}

const GONE = (): ApplyResult => ( {
	ok: false,
	message: __(
		'The block this suggestion replaces is no longer in the post. Select a block in the editor, then apply again.',
		'courses-copilot'
	),
} );

/** The block to replace, or a result that says why it is not replaced. */
function replaceTarget(
	registry: DataRegistry,
	target: ApplyTarget
): string | ApplyResult {
	const select = registry.select( blockEditorStore );
	if ( ! target.block ) {
		const clientId =
			target.clientId && select.getBlock( target.clientId )
				? target.clientId
				: select.getSelectedBlockClientId();
		return clientId ?? GONE();
	}
	const found = locateBlockTarget( registry, target.block );
	if ( ! found ) {
		return GONE();
	}
	if ( found.changed && ! target.replaceEdited ) {
		return {
			ok: false,
			message: __(
				'You have edited this block since the suggestion was made. Compare, then choose whether to replace your version.',
				'courses-copilot'
			),
			edited: { before: target.block.content, now: found.current },
		};
	}
	return found.clientId;
}

const NOT_BLOCKS = (): ApplyResult => ( {
	ok: false,
	message: __(
		'This suggestion could not be turned into editor blocks, so it was not applied. Ask again, or copy what you need from the conversation.',
		'courses-copilot'
	),
} );

function isEmptyDefault( block: Block | null ): boolean {
	return !! block && isUnmodifiedDefaultBlock( block );
}

function insert(
	registry: DataRegistry,
	blocks: Block[],
	position: 'cursor' | 'end'
): void {
	const select = registry.select( blockEditorStore );
	const { insertBlocks, replaceBlocks } =
		registry.dispatch( blockEditorStore );
	const selectedId =
		position === 'cursor' ? select.getSelectedBlockClientId() : null;
	if ( selectedId ) {
		// An empty paragraph at the cursor (a new post) is taken over rather than left behind.
		if ( isEmptyDefault( select.getBlock( selectedId ) ) ) {
			replaceBlocks( selectedId, blocks );
			return;
		}
		const rootClientId =
			select.getBlockRootClientId( selectedId ) || undefined;
		insertBlocks(
			blocks,
			select.getBlockIndex( selectedId ) + 1,
			rootClientId
		);
		return;
	}
	const topLevel = select.getBlocks();
	const only = topLevel.length === 1 ? ( topLevel[ 0 ] ?? null ) : null;
	if ( only && isEmptyDefault( only ) ) {
		replaceBlocks( only.clientId, blocks );
		return;
	}
	insertBlocks( blocks, topLevel.length );
}

export function applySuggestion(
	registry: DataRegistry,
	suggestion: EditorSuggestion,
	target: ApplyTarget = {}
): ApplyResult {
	const { editPost } = registry.dispatch( editorStore );
	switch ( suggestion.type ) {
		case 'set_title':
			editPost( { title: suggestion.title } );
			return {
				ok: true,
				message: __( 'Title updated.', 'courses-copilot' ),
				clientIds: [],
			};
		case 'set_excerpt':
			editPost( { excerpt: suggestion.excerpt } );
			return {
				ok: true,
				message: __( 'Excerpt updated.', 'courses-copilot' ),
				clientIds: [],
			};
		case 'insert_blocks': {
			const blocks = blocksFromMarkup( suggestion.content );
			if ( ! blocks ) {
				return NOT_BLOCKS();
			}
			insert( registry, blocks, suggestion.position );
			return {
				ok: true,
				message: __( 'Blocks inserted.', 'courses-copilot' ),
				clientIds: blocks.map( ( block ) => block.clientId ),
			};
		}
		case 'replace_block': {
			const blocks = blocksFromMarkup( suggestion.content );
			if ( ! blocks ) {
				return NOT_BLOCKS();
			}
			const clientId = replaceTarget( registry, target );
			if ( typeof clientId !== 'string' ) {
				return clientId;
			}
			registry
				.dispatch( blockEditorStore )
				.replaceBlocks( clientId, blocks );
			return {
				ok: true,
				message: __( 'Block replaced.', 'courses-copilot' ),
				clientIds: blocks.map( ( block ) => block.clientId ),
			};
		}
		default:
			return {
				ok: false,
				message: __(
					'This kind of suggestion is not supported.',
					'courses-copilot'
				),
			};
	}
}
