/** The outline: the course structure, its undo history, the edit marks and the server's base copy. */
import { EMPTY_ARRAY, HISTORY_LIMIT } from '../constants';
import { mergeStructure } from '../merge';
import * as ops from '../structure';
import { applyEdit, mergeMark } from './outline-edits';
import type {
	Action,
	CourseStructure,
	EditMark,
	OutlineState,
	ServerSession,
} from '../types';

/** What changes the outline: none of it applies once the course was created from it. */
export const OUTLINE_EDIT_ACTIONS: ReadonlySet< Action[ 'type' ] > = new Set<
	Action[ 'type' ]
>( [
	'SET_COURSE_FIELD',
	'ADD_SECTION',
	'UPDATE_SECTION',
	'MOVE_SECTION',
	'DELETE_SECTION',
	'ADD_LESSON',
	'UPDATE_LESSON',
	'MOVE_LESSON',
	'DELETE_LESSON',
	'SET_LESSON_CONTENT',
	'UNDO',
	'REDO',
] );

const NO_FUTURE = EMPTY_ARRAY as unknown as OutlineState[ 'future' ];

export const INITIAL_OUTLINE: OutlineState = {
	present: null,
	past: NO_FUTURE,
	future: NO_FUTURE,
	lastEditKey: null,
	editSeq: 0,
	marks: {},
	base: null,
	locked: false,
};

function withDrafts(
	structure: CourseStructure,
	drafts: Record< string, string > | undefined
): CourseStructure {
	if ( ! drafts || typeof drafts !== 'object' ) {
		return structure;
	}
	let next = structure;
	for ( const [ id, draft ] of Object.entries( drafts ) ) {
		const found = ops.findLesson( next, id );
		if (
			found &&
			! found.lesson.content &&
			typeof draft === 'string' &&
			draft
		) {
			next = ops.updateLesson( next, id, { content: draft } );
		}
	}
	return next;
}

/** A server copy's structure as the outline holds it (ids made sure, stored drafts filled in). */
function serverStructure( server: ServerSession ): CourseStructure | null {
	return server.course_structure
		? withDrafts(
				ops.ensureIds( server.course_structure ),
				server.lesson_drafts
			)
		: null;
}

/** `present` becomes the outline as one undo step: the old one goes to the past, redo is dropped. */
function undoStep(
	state: OutlineState,
	present: CourseStructure | null
): OutlineState {
	return {
		...state,
		present,
		past: pushPast( state.past, state.present ),
		future: NO_FUTURE,
		lastEditKey: null,
	};
}

function pushPast(
	past: OutlineState[ 'past' ],
	present: CourseStructure | null
): OutlineState[ 'past' ] {
	const next = [ ...past, present ];
	return next.length > HISTORY_LIMIT
		? next.slice( next.length - HISTORY_LIMIT )
		: next;
}

export function outline(
	state: OutlineState = INITIAL_OUTLINE,
	action: Action
): OutlineState {
	switch ( action.type ) {
		case 'RESET_SESSION':
			return INITIAL_OUTLINE;
		case 'RECEIVE_SESSION': {
			const present = serverStructure( action.session );
			return {
				...INITIAL_OUTLINE,
				present,
				base: present,
				locked: !! action.session.created_course_id,
			};
		}
		case 'RESTORE_BACKUP': {
			let present = state.present;
			if ( 'course_structure' in action.data ) {
				present = action.data.course_structure
					? ops.ensureIds( action.data.course_structure )
					: null;
			}
			// A backup without an outline was undone past its first one: the server's stays.
			return {
				...INITIAL_OUTLINE,
				present,
				base: action.server ? serverStructure( action.server ) : null,
				locked: state.locked || !! action.server?.created_course_id,
			};
		}
		case 'MERGE_SERVER_COPY': {
			const server = serverStructure( action.server );
			if ( ! server ) {
				return { ...state, base: null };
			}
			return {
				...undoStep(
					state,
					mergeStructure( state.present, server, state.marks )
				),
				base: server,
			};
		}
		case 'COURSE_CREATED':
			return { ...state, locked: true, base: state.present };
		case 'SET_COURSE_FIELD':
		case 'ADD_SECTION':
		case 'UPDATE_SECTION':
		case 'MOVE_SECTION':
		case 'DELETE_SECTION':
		case 'ADD_LESSON':
		case 'UPDATE_LESSON':
		case 'MOVE_LESSON':
		case 'DELETE_LESSON': {
			const edit = applyEdit(
				state.present ?? ops.EMPTY_STRUCTURE,
				action
			);
			if (
				! edit ||
				edit.next === ( state.present ?? ops.EMPTY_STRUCTURE )
			) {
				return state;
			}
			const coalesce =
				edit.key !== null && edit.key === state.lastEditKey;
			const editSeq = state.editSeq + 1;
			return {
				...state,
				present: edit.next,
				past: coalesce
					? state.past
					: pushPast( state.past, state.present ),
				future: NO_FUTURE,
				lastEditKey: edit.key,
				editSeq,
				marks: {
					...state.marks,
					[ edit.markId ]: mergeMark(
						state.marks[ edit.markId ],
						edit.mark,
						editSeq
					),
				},
			};
		}
		case 'SET_LESSON_CONTENT': {
			if ( ! state.present ) {
				return state;
			}
			const present = ops.updateLesson( state.present, action.id, {
				content: action.content,
			} );
			if ( present === state.present ) {
				return state;
			}
			if ( ops.findLesson( state.present, action.id )?.lesson.content ) {
				// Drafting again replaces a draft (maybe edited by hand): one undo step brings it back.
				return {
					...undoStep( state, present ),
				};
			}
			// A first draft is not an undo step: undoing other edits keeps it (the server has it too).
			const fill = ( entry: CourseStructure | null ) =>
				entry && ! ops.findLesson( entry, action.id )?.lesson.content
					? ops.updateLesson( entry, action.id, {
							content: action.content,
						} )
					: entry;
			return {
				...state,
				present,
				past: state.past.map( fill ),
				future: state.future.map( fill ),
				lastEditKey: null,
			};
		}
		case 'RECEIVE_STRUCTURE':
		case 'RECEIVE_REPLY': {
			if ( ! action.structure ) {
				return state;
			}
			const present = mergeStructure(
				state.present,
				action.structure,
				state.marks
			);
			return {
				...undoStep( state, present ),
				base: ops.ensureIds( action.structure ),
			};
		}
		case 'UNDO': {
			if ( state.past.length === 0 ) {
				return state;
			}
			const past = state.past.slice( 0, -1 );
			return {
				...state,
				present: state.past[ state.past.length - 1 ] ?? null,
				past,
				future: [ state.present, ...state.future ].slice(
					0,
					HISTORY_LIMIT
				),
				lastEditKey: null,
			};
		}
		case 'REDO': {
			if ( state.future.length === 0 ) {
				return state;
			}
			return {
				...state,
				present: state.future[ 0 ] ?? null,
				past: pushPast( state.past, state.present ),
				future: state.future.slice( 1 ),
				lastEditKey: null,
			};
		}
		case 'SAVE_SUCCESS': {
			const ids = Object.keys( state.marks );
			const kept = ids.filter(
				( id ) => ( state.marks[ id ] as EditMark ).seq > action.editSeq
			);
			const base =
				action.structure === undefined ? state.base : action.structure;
			if ( kept.length === ids.length && base === state.base ) {
				return state;
			}
			return {
				...state,
				base,
				marks: Object.fromEntries(
					kept.map( ( id ) => [ id, state.marks[ id ] as EditMark ] )
				),
			};
		}
	}
	return state;
}
