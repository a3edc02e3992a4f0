import type { DescriptorOf, StoreThunkArgs } from './thunk-types';
import type { ChatMessage, ConversationState } from '../schemas/conversation';
import type { CourseStructure, Lesson, Section } from '../schemas/course';
import type {
	EditorSuggestion,
	SuggestionCard,
	SuggestionState,
} from '../schemas/suggestions';
import type { ErrorInfo } from '../api/errors';
import type { ServerSession, SessionSummary } from '../api/types';
import type * as actions from './actions';
import type * as selectors from './selectors';
import type { REQUEST_KEYS } from './constants';

export type {
	CourseStructure,
	Lesson,
	Section,
	ChatMessage,
	ConversationState,
	ErrorInfo,
	ServerSession,
	SessionSummary,
};

export type RequestStatus =
	'init' | 'requesting' | 'streaming' | 'done' | 'error';
export type RequestKey = ( typeof REQUEST_KEYS )[ number ];

export interface RequestState {
	status: RequestStatus;
	error: ErrorInfo | null;
}

export type SaveStatus =
	'idle' | 'dirty' | 'saving' | 'error' | 'conflict' | 'offline';

/** A message as kept locally; `failed` marks a user message whose reply never came (retry offers it again). */
export type LocalMessage = ChatMessage & { failed?: boolean };

export interface CreatedCourse {
	courseId: number;
	editUrl: string;
	previewUrl: string;
	sectionsCreated: number;
	lessonsCreated: number;
}

export interface SessionState {
	id: string | null;
	title: string;
	/** The title as the server has it (what a conflict compares the local title with). */
	savedTitle: string;
	messages: LocalMessage[];
	conversationState: ConversationState;
	/** The server revision this copy is based on (0 before the first save). */
	revision: number;
	updatedAt: string | null;
	/** Sidebar: the post this session belongs to. */
	postId: number | null;
	postType: string | null;
	createdCourse: CreatedCourse | null;
	/** The assistant's reply while it streams in. */
	streamingText: string | null;
	/** Assistant sidebar: the proposals of the reply streaming in (a received reply keeps its own on its message). */
	suggestions: EditorSuggestion[];
	/** The last reply came from the demo provider. */
	demo: boolean;
}

export type MarkField =
	'title' | 'description' | 'summary' | 'content' | 'duration_minutes';

/**
 * A user edit the server has not stored yet. While marks exist, an AI structure is merged
 * around them (see merge.ts). `place` means the user added or moved the item.
 */
export interface EditMark {
	seq: number;
	fields: MarkField[];
	place?: boolean;
	deleted?: boolean;
}

export interface OutlineState {
	present: CourseStructure | null;
	past: Array< CourseStructure | null >;
	future: Array< CourseStructure | null >;
	/** Consecutive edits with the same key (typing into one title) make one undo step. */
	lastEditKey: string | null;
	/** Counter of marking edits; marks carry the value at their edit. */
	editSeq: number;
	/** By section/lesson id; `course` for the course title and description. */
	marks: Record< string, EditMark >;
	/** The structure as the server has it at the session's revision (a conflict merges against it). */
	base: CourseStructure | null;
	/** The course was created from this outline: it no longer changes by hand. */
	locked: boolean;
}

export interface UiState {
	expandedSections: string[];
	activeLessonId: string | null;
}

export interface SaveState {
	status: SaveStatus;
	/** Local changes so far, and how many of them the server has. */
	seq: number;
	savedSeq: number;
	inFlightSeq: number | null;
	lastSavedAt: number | null;
	error: ErrorInfo | null;
	/** Consecutive failed attempts (drives the retry backoff). */
	failures: number;
	/** 409: the server's copy, kept for "Keep mine" / "Use the saved version". */
	conflict: ServerSession | null;
	/** Unsaved work restored from this device on load; the server copy it replaced. */
	restored: { savedAt: number; server: ServerSession | null } | null;
}

export interface ContentProgress {
	done: number;
	total: number;
	currentLessonId: string | null;
	failed: string[];
	/** Streaming text of the lesson being written. */
	streamingText: string | null;
}

export interface SessionListState {
	items: SessionSummary[];
	total: number;
	query: SessionListQuery;
}

/** One page of the sessions list (`getSessionList( query )`). */
export interface SessionListQuery {
	page: number;
	perPage: number;
	search: string;
	postId: number | null;
}

export interface State {
	session: SessionState;
	outline: OutlineState;
	ui: UiState;
	save: SaveState;
	requests: Record< RequestKey, RequestState >;
	sessions: SessionListState;
	content: ContentProgress | null;
	/** The nonce or login expired: only a reload helps. */
	expired: boolean;
	/** The latest reply on this page said it came from the demo provider; null before any reply. */
	lastReplyDemo: boolean | null;
}

export type SessionStoreDescriptor = DescriptorOf<
	State,
	typeof actions,
	typeof selectors
>;

export type ThunkArgs = StoreThunkArgs<
	State,
	typeof actions,
	typeof selectors,
	Action
>;

export type Thunk< R = void > = ( args: ThunkArgs ) => Promise< R >;

/** Everything the reducer handles. */
export type Action =
	| {
			type: 'RESET_SESSION';
			postId: number | null;
			postType: string | null;
			title: string;
	  }
	| { type: 'RECEIVE_SESSION'; session: ServerSession }
	| {
			type: 'SESSION_STARTED';
			sessionId: string;
			title: string;
			revision: number;
	  }
	| { type: 'MERGE_SERVER_COPY'; server: ServerSession }
	| {
			type: 'RESTORE_BACKUP';
			data: import( '../api/types' ).SessionData;
			revision: number;
			sessionId: string | null;
			savedAt: number;
			server: ServerSession | null;
	  }
	| { type: 'DISMISS_RESTORED' }
	| { type: 'SET_SESSION_TITLE'; title: string }
	| { type: 'ADD_USER_MESSAGE'; message: LocalMessage }
	| { type: 'MARK_MESSAGE_FAILED'; failed: boolean }
	| { type: 'STREAM_DELTA'; text: string }
	| { type: 'STREAM_RESET' }
	| {
			type: 'RECEIVE_STRUCTURE';
			structure: CourseStructure | null;
			conversationState?: ConversationState;
	  }
	| {
			type: 'RECEIVE_REPLY';
			message: string;
			structure?: CourseStructure | null;
			sessionId?: string | null;
			conversationState?: ConversationState;
			revision?: number;
			demo: boolean;
			suggestions?: SuggestionCard[];
	  }
	| { type: 'RECEIVE_SUGGESTIONS'; suggestions: EditorSuggestion[] }
	| { type: 'REMOVE_SUGGESTION'; id: string }
	| {
			type: 'SET_SUGGESTION_STATE';
			/** The reply's index in the messages; undefined: the newest reply with this card. */
			messageIndex?: number;
			id: string;
			/** null: open again (what was applied is no longer in the post). */
			state: SuggestionState | null;
	  }
	| {
			type: 'SET_COURSE_FIELD';
			field: 'title' | 'description';
			value: string;
	  }
	| { type: 'ADD_SECTION'; section: Section; index?: number }
	| {
			type: 'UPDATE_SECTION';
			id: string;
			changes: Partial< Pick< Section, 'title' | 'description' > >;
	  }
	| { type: 'MOVE_SECTION'; id: string; toIndex: number }
	| { type: 'DELETE_SECTION'; id: string }
	| { type: 'ADD_LESSON'; sectionId: string; lesson: Lesson; index?: number }
	| {
			type: 'UPDATE_LESSON';
			id: string;
			changes: Partial< Omit< Lesson, 'id' > >;
	  }
	| { type: 'MOVE_LESSON'; id: string; toSectionId: string; toIndex: number }
	| { type: 'DELETE_LESSON'; id: string }
	| { type: 'SET_LESSON_CONTENT'; id: string; content: string }
	| { type: 'UNDO' }
	| { type: 'REDO' }
	| { type: 'MARK_DIRTY' }
	| { type: 'SAVE_START'; seq: number }
	| {
			type: 'SAVE_SUCCESS';
			seq: number;
			editSeq: number;
			revision: number;
			sessionId: string | null;
			time: number;
			/** What the server now holds (undefined: the save left it as it was). */
			title?: string;
			structure?: CourseStructure | null;
	  }
	| { type: 'SAVE_FAILURE'; error: ErrorInfo; offline: boolean }
	| { type: 'SAVE_CONFLICT'; server: ServerSession; error: ErrorInfo }
	| { type: 'ADOPT_REVISION'; revision: number }
	| { type: 'REQUEST_START'; key: RequestKey; streaming?: boolean }
	| { type: 'REQUEST_STREAMING'; key: RequestKey }
	| { type: 'REQUEST_SUCCESS'; key: RequestKey }
	| { type: 'REQUEST_FAILURE'; key: RequestKey; error: ErrorInfo }
	| { type: 'REQUEST_RESET'; key: RequestKey }
	| {
			type: 'RECEIVE_SESSION_LIST';
			items: SessionSummary[];
			total: number;
			query: SessionListState[ 'query' ];
	  }
	| { type: 'REMOVE_SESSION_FROM_LIST'; sessionId: string }
	| {
			type: 'UPDATE_SESSION_IN_LIST';
			sessionId: string;
			changes: Partial< SessionSummary >;
	  }
	| { type: 'CONTENT_PROGRESS'; progress: ContentProgress | null }
	| { type: 'CONTENT_DELTA'; text: string }
	| { type: 'COURSE_CREATED'; course: CreatedCourse }
	| { type: 'TOGGLE_SECTION'; id: string; expanded?: boolean }
	| { type: 'SET_ACTIVE_LESSON'; id: string | null }
	| { type: 'SESSION_EXPIRED' };
