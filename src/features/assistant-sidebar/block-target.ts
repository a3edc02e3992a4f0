/**
 * The block a "replace the selected block" card is about, found again later: by its clientId while
 * the editor session lasts, by its markup after a reload (clientIds are new then), and failing both
 * by its place in the post. Whether the author edited it since comes from comparing its markup with
 * the markup kept when the question was asked.
 */
import { serialize, type Block } from '@wordpress/blocks';
import { store as blockEditorStore } from '@wordpress/block-editor';
import type { DataRegistry } from '@wordpress/data';
import type { BlockTarget } from '../../schemas/suggestions';
import { CONTEXT_LIMITS } from './constants';

function markupOf( block: Block ): string {
	return serialize( [ block ] ).slice( 0, CONTEXT_LIMITS.selectedBlock );
}

/** The selected block as a card's target, or null when nothing is selected. */
export function captureBlockTarget(
	registry: DataRegistry,
	clientId: string | null = registry
		.select( blockEditorStore )
		.getSelectedBlockClientId()
): BlockTarget | null {
	const select = registry.select( blockEditorStore );
	const block = clientId ? select.getBlock( clientId ) : null;
	if ( ! clientId || ! block ) {
		return null;
	}
	const path: number[] = [];
	for (
		let id: string | null = clientId;
		id && path.length < 20;
		id = select.getBlockRootClientId( id ) || null
	) {
		path.unshift( select.getBlockIndex( id ) );
	}
	return {
		client_id: clientId,
		name: block.name,
		path,
		content: markupOf( block ),
	};
}

export interface LocatedBlock {
	clientId: string;
	/** The block's markup now. */
	current: string;
	/** Edited since the card was made. */
	changed: boolean;
}

function allBlocks( blocks: Block[] ): Block[] {
	return blocks.flatMap( ( block ) => [
		block,
		...allBlocks( block.innerBlocks ?? [] ),
	] );
}

function located( block: Block, target: BlockTarget ): LocatedBlock {
	const current = markupOf( block );
	return {
		clientId: block.clientId,
		current,
		changed: current !== target.content,
	};
}

/** Where the target is now, or null when it is no longer in the post. */
export function locateBlockTarget(
	registry: DataRegistry,
	target: BlockTarget
): LocatedBlock | null {
	const select = registry.select( blockEditorStore );
	const same = target.client_id ? select.getBlock( target.client_id ) : null;
	if ( same ) {
		return located( same, target );
	}
	const blocks = allBlocks( select.getBlocks() );
	const unchanged = blocks.find(
		( block ) =>
			block.name === target.name && markupOf( block ) === target.content
	);
	if ( unchanged ) {
		return located( unchanged, target );
	}
	let level = select.getBlocks();
	let atPath: Block | undefined;
	for ( const index of target.path ) {
		atPath = level[ index ];
		level = atPath?.innerBlocks ?? [];
	}
	return atPath && atPath.name === target.name
		? located( atPath, target )
		: null;
}
