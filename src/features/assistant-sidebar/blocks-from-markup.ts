/**
 * Model output (block markup, kses'd by the server) → real blocks. Anything that would land as a
 * raw HTML or classic block is converted with the editor's own raw handler; what still cannot be
 * a real block is refused, never inserted.
 */
import {
	createBlock,
	getBlockType,
	parse,
	rawHandler,
	type Block,
} from '@wordpress/blocks';
import { RAW_BLOCK_NAMES } from './constants';

function isRaw( block: Block ): boolean {
	return RAW_BLOCK_NAMES.includes( block.name );
}

function containsRaw( blocks: readonly Block[] ): boolean {
	return blocks.some(
		( block ) => isRaw( block ) || containsRaw( block.innerBlocks ?? [] )
	);
}

/** An invalid block is re-created from its parsed attributes, as the editor's "Attempt recovery" does. */
function recover( block: Block ): Block {
	const innerBlocks = ( block.innerBlocks ?? [] ).map( recover );
	if ( block.isValid === false && getBlockType( block.name ) ) {
		return createBlock( block.name, block.attributes, innerBlocks );
	}
	return innerBlocks.every(
		( inner: Block, i: number ) => inner === block.innerBlocks[ i ]
	)
		? block
		: { ...block, innerBlocks };
}

/** Turns top-level classic/HTML blocks into real blocks through the editor's raw handler. */
function convertRaw( block: Block ): Block[] {
	if ( block.name !== 'core/freeform' && block.name !== 'core/html' ) {
		return [ block ];
	}
	const html =
		typeof block.attributes?.content === 'string'
			? block.attributes.content
			: ( block.originalContent ?? '' );
	if ( ! html.trim() ) {
		return [];
	}
	return rawHandler( { HTML: html } );
}

/** The blocks for `markup`, or null when it holds nothing or something that cannot be a real block. */
export function blocksFromMarkup( markup: string ): Block[] | null {
	if ( typeof markup !== 'string' || ! markup.trim() ) {
		return null;
	}
	let blocks: Block[];
	try {
		blocks = parse( markup ).flatMap( convertRaw ).map( recover );
	} catch {
		return null;
	}
	if ( blocks.length === 0 || containsRaw( blocks ) ) {
		return null;
	}
	return blocks;
}
