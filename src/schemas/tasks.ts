import { z } from 'zod';
import {
	ChatMessageSchema,
	ConversationStateSchema,
	MAX_MESSAGE_LENGTH,
} from './conversation';
import { CourseDraftSchema, CourseStructureSchema } from './course';
import { QuizOptionsSchema, QuizQuestionSchema } from './quiz';
import { EditorSuggestionSchema } from './suggestions';

/**
 * Request and response bodies of the proxy's task routes (docs/contracts.md "Proxy routes").
 * The PHP bridge sends these; the proxy validates both directions. Every task route also
 * streams when the body has `stream: true` (SSE events: delta, structure|suggestions|questions|content, done, error).
 *
 * Routes: POST /v1/tasks/course-turn · /v1/tasks/lesson-content · /v1/tasks/editor-assist · /v1/tasks/quiz
 * Headers: Authorization: Bearer <token>, X-MPCC-Site (site id), X-MPCC-User (WordPress user id), X-Request-Id.
 */
const history = z.array( ChatMessageSchema ).max( 200 );
const stream = z.boolean().optional();

export const CourseTurnRequestSchema = z.object( {
	message: z.string().trim().min( 1 ).max( MAX_MESSAGE_LENGTH ),
	history,
	conversation_state: ConversationStateSchema,
	/** The author's saved outline: a draft (untitled lessons and all); the answer's outline meets the creation rules. */
	course_structure: CourseDraftSchema.nullable().optional(),
	stream,
} );
export const CourseTurnResponseSchema = z.object( {
	message: z.string(),
	course_structure: CourseStructureSchema.nullable(),
	conversation_state: ConversationStateSchema,
	demo: z.boolean(),
} );

export const LessonContentRequestSchema = z.object( {
	course: CourseDraftSchema,
	section_id: z.string().min( 1 ),
	lesson_id: z.string().min( 1 ),
	instructions: z.string().max( MAX_MESSAGE_LENGTH ).optional(),
	stream,
} );
export const LessonContentResponseSchema = z.object( {
	/** Serialized block markup (core/heading, core/paragraph, core/list …). */
	content: z.string().min( 1 ),
	demo: z.boolean(),
} );

export const EditorPostContextSchema = z.object( {
	id: z.number().int().positive(),
	type: z.enum( [ 'mpcs-course', 'mpcs-lesson' ] ),
	title: z.string().max( 1000 ),
	/** The post's blocks as markup, with the user's unsaved edits. */
	content: z.string().max( 200_000 ),
	excerpt: z.string().max( 5000 ).optional(),
	selected_block: z
		.object( {
			client_id: z.string(),
			name: z.string(),
			content: z.string().max( 50_000 ),
		} )
		.nullable()
		.optional(),
	/** From the server: a course's sections and lesson count, a lesson's course and section. */
	course_title: z.string().optional(),
	section_title: z.string().optional(),
	sections: z
		.array(
			z.object( {
				title: z.string(),
				lesson_count: z.number().int().min( 0 ),
			} )
		)
		.optional(),
	lesson_count: z.number().int().min( 0 ).optional(),
} );
export const EditorAssistRequestSchema = z.object( {
	message: z.string().trim().min( 1 ).max( MAX_MESSAGE_LENGTH ),
	history,
	post: EditorPostContextSchema,
	stream,
} );
export const EditorAssistResponseSchema = z.object( {
	message: z.string(),
	suggestions: z.array( EditorSuggestionSchema ).max( 10 ),
	demo: z.boolean(),
} );

export const QuizRequestSchema = z.object( {
	content: z.string().trim().min( 1 ).max( 200_000 ),
	options: QuizOptionsSchema,
	/** The questions the quiz already has: new ones that repeat them are flagged `duplicate`. */
	existing_questions: z.array( z.string().max( 2000 ) ).max( 100 ).optional(),
	stream,
} );
export const QuizQualityChecksSchema = z.object( {
	excerpt_found: z.boolean(),
	duplicate: z.boolean(),
	correct_is_longest: z.boolean(),
	has_explanation: z.boolean(),
} );
export const QuizResponseSchema = z.object( {
	questions: z
		.array(
			QuizQuestionSchema.and(
				z.object( { checks: QuizQualityChecksSchema.optional() } )
			)
		)
		.max( 20 ),
	total: z.number().int().min( 0 ),
	type: z.string(),
	/** 0–100, computed from the checks (not from the model's opinion of itself). */
	quality_score: z.number().min( 0 ).max( 100 ),
	demo: z.boolean(),
} );

export type CourseTurnRequest = z.infer< typeof CourseTurnRequestSchema >;
export type CourseTurnResponse = z.infer< typeof CourseTurnResponseSchema >;
export type LessonContentRequest = z.infer< typeof LessonContentRequestSchema >;
export type LessonContentResponse = z.infer<
	typeof LessonContentResponseSchema
>;
export type EditorPostContext = z.infer< typeof EditorPostContextSchema >;
export type EditorAssistRequest = z.infer< typeof EditorAssistRequestSchema >;
export type EditorAssistResponse = z.infer< typeof EditorAssistResponseSchema >;
export type QuizRequest = z.infer< typeof QuizRequestSchema >;
export type QuizQualityChecks = z.infer< typeof QuizQualityChecksSchema >;
export type QuizResponse = z.infer< typeof QuizResponseSchema >;
