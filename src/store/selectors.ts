import { EMPTY_ARRAY, INITIAL_REQUEST } from './constants';
import { createSelector } from './create-selector';
import { creationBlockers, type CreationBlocker } from './creation-rules';
import { findLesson } from './structure';
import type { SessionData } from '../api/types';
import type {
	ContentProgress,
	CourseStructure,
	ErrorInfo,
	Lesson,
	LocalMessage,
	RequestKey,
	RequestState,
	SaveState,
	SaveStatus,
	Section,
	ServerSession,
	SessionListQuery,
	SessionSummary,
	State,
	CreatedCourse,
	ConversationState,
} from './types';
import type { EditorSuggestion, SuggestionCard } from '../schemas/suggestions';

const EMPTY_SECTIONS = EMPTY_ARRAY as unknown as Section[];
const EMPTY_LESSONS = EMPTY_ARRAY as unknown as Lesson[];

/* Session */

export function getSessionId( state: State ): string | null {
	return state.session.id;
}
export function getSessionTitle( state: State ): string {
	return state.session.title;
}
export function getMessages( state: State ): LocalMessage[] {
	return state.session.messages;
}
export function getStreamingText( state: State ): string | null {
	return state.session.streamingText;
}
export function getConversationState( state: State ): ConversationState {
	return state.session.conversationState;
}
export function getRevision( state: State ): number {
	return state.session.revision;
}
export function getPostId( state: State ): number | null {
	return state.session.postId;
}
export function getPostType( state: State ): string | null {
	return state.session.postType;
}
export function getCreatedCourse( state: State ): CreatedCourse | null {
	return state.session.createdCourse;
}
/** A card in the sidebar: its reply's index in the messages (-1 while the reply streams in). */
export interface SuggestionCardEntry {
	key: string;
	messageIndex: number;
	card: SuggestionCard;
}

/** Every reply's cards that are not dismissed, oldest first, then those of the reply streaming in. */
export const getSuggestionCards = createSelector(
	( state: State ): SuggestionCardEntry[] => {
		const entries: SuggestionCardEntry[] = [];
		state.session.messages.forEach( ( message, messageIndex ) => {
			for ( const card of message.suggestions ?? [] ) {
				if ( card.state !== 'dismissed' ) {
					entries.push( {
						key: `${ messageIndex }:${ card.id }`,
						messageIndex,
						card,
					} );
				}
			}
		} );
		for ( const card of state.session.suggestions ) {
			entries.push( {
				key: `pending:${ card.id }`,
				messageIndex: -1,
				card,
			} );
		}
		return entries;
	},
	( state: State ) => [ state.session.messages, state.session.suggestions ]
);
/** The suggestions of getSuggestionCards, without their state. */
export const getSuggestions = createSelector(
	( state: State ): EditorSuggestion[] =>
		getSuggestionCards( state ).map( ( { card } ) => {
			const { state: _state, target: _target, ...suggestion } = card;
			return suggestion as EditorSuggestion;
		} ),
	( state: State ) => [ state.session.messages, state.session.suggestions ]
);
/** The last reply came from the demo provider: label it. */
export function isDemo( state: State ): boolean {
	return state.session.demo;
}
/** What the latest reply on this page said about the provider (demo or not); null before any. */
export function getLastReplyDemo( state: State ): boolean | null {
	return state.lastReplyDemo;
}
/** The nonce or login expired: show "Session expired — reload to save". */
export function isSessionExpired( state: State ): boolean {
	return state.expired;
}
/** The last user message, when its reply failed or was stopped (retry sends it again). */
export const getRetryableMessage = createSelector(
	( state: State ): LocalMessage | null => {
		const last =
			state.session.messages[ state.session.messages.length - 1 ];
		return last && last.role === 'user' && last.failed ? last : null;
	},
	( state: State ) => [ state.session.messages ]
);

/* Structure */

export function getCourseStructure( state: State ): CourseStructure | null {
	return state.outline.present;
}
export function getSections( state: State ): Section[] {
	return state.outline.present?.sections ?? EMPTY_SECTIONS;
}
export function getSection( state: State, sectionId: string ): Section | null {
	return (
		state.outline.present?.sections.find( ( s ) => s.id === sectionId ) ??
		null
	);
}
export function getLesson( state: State, lessonId: string ): Lesson | null {
	return findLesson( state.outline.present, lessonId )?.lesson ?? null;
}
export function getLessonSectionId(
	state: State,
	lessonId: string
): string | null {
	return findLesson( state.outline.present, lessonId )?.section.id ?? null;
}
export const getAllLessons = createSelector(
	( state: State ): Lesson[] => {
		const sections = state.outline.present?.sections;
		return sections && sections.length
			? sections.flatMap( ( s ) => s.lessons )
			: EMPTY_LESSONS;
	},
	( state: State ) => [ state.outline.present ]
);
export const getLessonsWithoutContent = createSelector(
	( state: State ): Lesson[] => {
		const lessons = getAllLessons( state ).filter( ( l ) => ! l.content );
		return lessons.length ? lessons : EMPTY_LESSONS;
	},
	( state: State ) => [ state.outline.present ]
);
export const getStructureCounts = createSelector(
	(
		state: State
	): { sections: number; lessons: number; withContent: number } => {
		const lessons = getAllLessons( state );
		return {
			sections: getSections( state ).length,
			lessons: lessons.length,
			withContent: lessons.filter( ( l ) => !! l.content ).length,
		};
	},
	( state: State ) => [ state.outline.present ]
);
/** What stands between the outline and Create course, each naming its item (empty: ready). */
export const getCreationBlockers = createSelector(
	( state: State ): CreationBlocker[] => {
		const blockers = creationBlockers( state.outline.present );
		return blockers.length
			? blockers
			: ( EMPTY_ARRAY as unknown as CreationBlocker[] );
	},
	( state: State ) => [ state.outline.present ]
);
/** Create course is offered exactly when the outline meets the creation rules (no "looks good" needed). */
export function canCreateCourse( state: State ): boolean {
	return (
		state.outline.present !== null &&
		state.session.createdCourse === null &&
		getCreationBlockers( state ).length === 0
	);
}
function hasOutlineHistory( state: State ): boolean {
	return [ ...state.outline.past, ...state.outline.future ].some(
		( entry ) => entry !== null
	);
}
export function canUndo( state: State ): boolean {
	return state.outline.past.length > 0;
}
export function canRedo( state: State ): boolean {
	return state.outline.future.length > 0;
}
/** Edits the server has not stored yet (protected when an AI structure arrives). */
export function hasPendingEditMarks( state: State ): boolean {
	return Object.keys( state.outline.marks ).length > 0;
}
export function getOutlineEditSeq( state: State ): number {
	return state.outline.editSeq;
}
/** The course was created from this outline: it is shown read-only. */
export function isOutlineLocked( state: State ): boolean {
	return state.outline.locked;
}
/** What a 409 is merged against: the server's structure and title at the local revision, and the local edit marks. */
export function getConflictBase( state: State ): {
	structure: CourseStructure | null;
	title: string;
	marks: State[ 'outline' ][ 'marks' ];
} {
	return {
		structure: state.outline.base,
		title: state.session.savedTitle,
		marks: state.outline.marks,
	};
}

/* UI */

export function getExpandedSections( state: State ): string[] {
	return state.ui.expandedSections;
}
export function getActiveLessonId( state: State ): string | null {
	return state.ui.activeLessonId;
}

/* Requests */

export function getRequest(
	state: State,
	key: RequestKey = 'chat'
): RequestState {
	return state.requests[ key ] ?? INITIAL_REQUEST;
}
export function getRequestStatus(
	state: State,
	key: RequestKey = 'chat'
): RequestState[ 'status' ] {
	return getRequest( state, key ).status;
}
export function getRequestError(
	state: State,
	key: RequestKey = 'chat'
): ErrorInfo | null {
	return getRequest( state, key ).error;
}
export function isRequesting(
	state: State,
	key: RequestKey = 'chat'
): boolean {
	const status = getRequest( state, key ).status;
	return status === 'requesting' || status === 'streaming';
}
/** A request that changes the session on the server is running: auto-save waits for it. */
export function isSaveBlocked( state: State ): boolean {
	return (
		isRequesting( state, 'chat' ) ||
		isRequesting( state, 'assistant' ) ||
		isRequesting( state, 'create' ) ||
		isRequesting( state, 'load' )
	);
}
export function getContentProgress( state: State ): ContentProgress | null {
	return state.content;
}

/* Session list */

export type SessionListQueryInput = Partial< SessionListQuery >;

export function sessionListQuery(
	input: SessionListQueryInput = {}
): SessionListQuery {
	return {
		page: input.page ?? 1,
		perPage: input.perPage ?? 20,
		search: input.search ?? '',
		postId: input.postId ?? null,
	};
}

/**
 * The sessions list; the first read of a query fetches it (resolvers.ts). Until that page arrives
 * the page received last stays shown.
 */
export function getSessionList(
	state: State,
	// Keys the resolver; the state holds the page received last.
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	query?: SessionListQueryInput
): SessionSummary[] {
	return state.sessions.items;
}
export function getSessionListTotal( state: State ): number {
	return state.sessions.total;
}

/* Saving */

export function getSaveState( state: State ): SaveState {
	return state.save;
}
export function getSaveStatus( state: State ): SaveStatus {
	return state.save.status;
}
export function getLastSavedAt( state: State ): number | null {
	return state.save.lastSavedAt;
}
export function getSaveError( state: State ): ErrorInfo | null {
	return state.save.error;
}
export function hasUnsavedChanges( state: State ): boolean {
	return state.save.seq > state.save.savedSeq;
}
export function isSaving( state: State ): boolean {
	return state.save.inFlightSeq !== null;
}
/** The server's copy after a 409, for "Keep mine" / "Use the saved version". */
export function getConflict( state: State ): ServerSession | null {
	return state.save.conflict;
}
export function wasRestoredFromBackup( state: State ): boolean {
	return state.save.restored !== null;
}
export function getRestoredBackup( state: State ): SaveState[ 'restored' ] {
	return state.save.restored;
}

/** What auto-save sends as `session_data` (memoized: same object while nothing persisted changed). */
export const getSessionPayload = createSelector(
	( state: State ): SessionData => {
		const payload: SessionData = {
			title: state.session.title,
			messages: state.session.messages.map(
				( { failed, ...message } ) => message
			),
			course_structure: state.outline.present,
			conversation_state: state.session.conversationState,
			ui: {
				expanded_sections: state.ui.expandedSections,
				active_lesson_id: state.ui.activeLessonId,
			},
		};
		if ( state.session.postId !== null ) {
			payload.post_id = state.session.postId;
		}
		if ( ! state.outline.present && hasOutlineHistory( state ) ) {
			// Undone past the first outline: a state to redo out of, not "no outline" for the server.
			delete payload.course_structure;
		}
		return payload;
	},
	( state: State ) => [
		state.session.title,
		state.session.messages,
		state.outline.present,
		state.outline.past,
		state.outline.future,
		state.session.conversationState,
		state.session.postId,
		state.ui,
	]
);
