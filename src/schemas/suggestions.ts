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

/**
 * Where a replace_block suggestion applies, kept with the card so that it survives a reload: the
 * block selected when the question was asked (its clientId in that editor session, its name, its
 * position as indexes from the top, and its markup then). The markup finds it again after a
 * reload and tells whether the author has edited it since.
 */
export const BlockTargetSchema = z.object( {
	client_id: z.string().max( 100 ),
	name: z.string().min( 1 ).max( 200 ),
	path: z.array( z.number().int().min( 0 ) ).max( 20 ),
	content: z.string().max( 50_000 ),
} );

/** What became of a card: applied, dismissed, or kept back because its block changed (stale). */
export const SUGGESTION_STATES = [ 'applied', 'dismissed', 'stale' ] as const;

/** A suggestion as the session keeps it, on the reply that made it. */
export const SuggestionCardSchema = EditorSuggestionSchema.and(
	z.object( {
		state: z.enum( SUGGESTION_STATES ).optional(),
		target: BlockTargetSchema.optional(),
	} )
);

export type BlockTarget = z.infer< typeof BlockTargetSchema >;
export type SuggestionState = ( typeof SUGGESTION_STATES )[ number ];
export type SuggestionCard = z.infer< typeof SuggestionCardSchema >;
