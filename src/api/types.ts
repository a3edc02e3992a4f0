/**
 * The ajax actions' inputs and replies (docs/contracts.md "Ajax actions"), as the browser sees them.
 * Types only: the bundle never imports zod.
 */
import type { ChatMessage, ConversationState } from '../schemas/conversation';
import type { CourseStructure } from '../schemas/course';
import type { QuizOptions, QuizQuestion } from '../schemas/quiz';
import type { EditorSuggestion } from '../schemas/suggestions';
import type { QuizQualityChecks } from '../schemas/tasks';

export interface ServerSession {
	session_id: string;
	title: string;
	messages: ChatMessage[];
	course_structure: CourseStructure | null;
	conversation_state: ConversationState;
	revision: number;
	updated_at: string;
	post_id?: number | null;
	created_course_id?: number | null;
	ui?: PersistedUi;
	/** Lesson content drafts kept beside the session: lesson id → block markup. */
	lesson_drafts?: Record< string, string >;
}

export interface SessionSummary {
	session_id: string;
	title: string;
	updated_at: string;
	conversation_state: ConversationState;
	post_id?: number | null;
}

export interface PersistedUi {
	view?: string;
	expanded_sections?: string[];
	active_lesson_id?: string | null;
}

/** What auto-save sends as `session_data`. */
export interface SessionData {
	title: string;
	messages: ChatMessage[];
	/** Absent: keep the stored outline (the browser undid past its first outline). */
	course_structure?: CourseStructure | null;
	conversation_state: ConversationState;
	ui?: PersistedUi;
	post_id?: number | null;
}

/** Live editor context for the assistant sidebar (title and markup include unsaved edits). */
export interface EditorContextInput {
	title: string;
	content: string;
	excerpt?: string;
	selected_block?: {
		client_id: string;
		name: string;
		content: string;
	} | null;
}

export type QuizSourceInput =
	{ lesson_id: number } | { course_id: number } | { content: string };

export type GeneratedQuestion = QuizQuestion & { checks?: QuizQualityChecks };

export interface ChatReply {
	message: string;
	course_structure?: CourseStructure | null;
	session_id: string;
	conversation_state: ConversationState;
	revision?: number;
	demo?: boolean;
}

export interface AssistantReply {
	message: string;
	suggestions: EditorSuggestion[];
	context?: unknown;
	session_id?: string;
	revision?: number;
	demo?: boolean;
}

export interface QuizReply {
	questions: GeneratedQuestion[];
	total: number;
	type: string;
	quality_score: number;
	demo?: boolean;
}

export interface AjaxActions {
	mpcc_chat_message: {
		fields: { message: string; session_id?: string | null };
		reply: ChatReply;
	};
	mpcc_create_course: {
		fields: { session_id: string; course_data: CourseStructure };
		reply: {
			course_id: number;
			sections_created: number;
			lessons_created: number;
			edit_url: string;
			preview_url: string;
			revision?: number;
		};
	};
	mpcc_generate_lesson_content: {
		fields: {
			session_id: string;
			section_id: string;
			lesson_id: string;
			instructions?: string;
		};
		reply: { content: string; draft_saved: boolean; demo?: boolean };
	};
	mpcc_list_sessions: {
		fields: {
			page?: number;
			per_page?: number;
			search?: string;
			post_id?: number;
		};
		reply: { sessions: SessionSummary[]; total: number };
	};
	mpcc_load_session: {
		fields: { session_id: string };
		reply: { session: ServerSession };
	};
	mpcc_delete_session: {
		fields: { session_id: string };
		reply: { deleted: boolean };
	};
	mpcc_auto_save_session: {
		fields: {
			session_id: string;
			session_data: SessionData;
			revision: number;
		};
		reply: { auto_saved: boolean; revision: number; session_id?: string };
	};
	mpcc_editor_ai_chat: {
		fields: {
			post_id: number;
			post_type: string;
			message: string;
			session_id?: string | null;
			context: EditorContextInput;
		};
		reply: AssistantReply;
	};
	mpcc_generate_quiz: {
		fields: QuizSourceInput & {
			options: Partial< QuizOptions >;
			existing_questions?: string[];
		};
		reply: QuizReply;
	};
}

export type AjaxAction = keyof AjaxActions;
export type AjaxFields< A extends AjaxAction > = AjaxActions[ A ][ 'fields' ];
export type AjaxReply< A extends AjaxAction > = AjaxActions[ A ][ 'reply' ];
