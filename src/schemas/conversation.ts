import { z } from 'zod';
import { SuggestionCardSchema } from './suggestions';

/** docs/contracts.md "Session data": initial → course_structure → content_generation → ready_to_create → created. */
export const CONVERSATION_STATES = [
	'initial',
	'course_structure',
	'content_generation',
	'ready_to_create',
	'created',
] as const;

export const ConversationStateSchema = z.enum( CONVERSATION_STATES );
export type ConversationState = z.infer< typeof ConversationStateSchema >;

export const MAX_MESSAGE_LENGTH = 8000;

export const ChatMessageSchema = z.object( {
	role: z.enum( [ 'user', 'assistant' ] ),
	content: z.string().max( 100_000 ),
	/** ISO 8601 time the message was written. */
	created_at: z.string().optional(),
	/** True when the demo provider wrote it, so every surface can label it. */
	demo: z.boolean().optional(),
	/** Assistant sidebar: the reply's suggestions, each with what became of it. */
	suggestions: z.array( SuggestionCardSchema ).max( 10 ).optional(),
} );

export type ChatMessage = z.infer< typeof ChatMessageSchema >;
