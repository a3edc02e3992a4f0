import { z } from 'zod';

/**
 * What the assistant sidebar may propose for the post being edited. Block content is block markup
 * (serialized blocks), which the browser parses with wp.blocks.parse after kses on the server.
 */
const base = {
	id: z.string().min( 1 ).max( 64 ),
	label: z.string().min( 1 ).max( 200 ),
};

export const EditorSuggestionSchema = z.discriminatedUnion( 'type', [
	z.object( {
		...base,
		type: z.literal( 'insert_blocks' ),
		position: z.enum( [ 'cursor', 'end' ] ),
		content: z.string().min( 1 ).max( 100_000 ),
	} ),
	z.object( {
		...base,
		type: z.literal( 'replace_block' ),
		content: z.string().min( 1 ).max( 100_000 ),
	} ),
	z.object( {
		...base,
		type: z.literal( 'set_title' ),
		title: z.string().trim().min( 1 ).max( 200 ),
	} ),
	z.object( {
		...base,
		type: z.literal( 'set_excerpt' ),
		excerpt: z.string().trim().min( 1 ).max( 1000 ),
	} ),
] );

export type EditorSuggestion = z.infer< typeof EditorSuggestionSchema >;
export type EditorSuggestionType = EditorSuggestion[ 'type' ];
