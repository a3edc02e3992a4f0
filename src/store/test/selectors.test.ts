import reducer from '../reducers';
import * as selectors from '../selectors';
import type { Action, State } from '../types';

const state = ( ...actions: Action[] ): State =>
	actions.reduce( reducer, reducer( undefined, { type: 'STREAM_RESET' } ) );

const withCourse = () =>
	state( {
		type: 'RECEIVE_SESSION',
		session: {
			session_id: 'a',
			title: 'T',
			messages: [],
			conversation_state: 'course_structure',
			revision: 1,
			updated_at: '',
			course_structure: {
				title: 'C',
				description: '',
				sections: [
					{
						id: 's1',
						title: 'S',
						lessons: [
							{ id: 'l1', title: 'L', content: 'x' },
							{ id: 'l2', title: 'M' },
						],
					},
				],
			},
		},
	} );

describe( 'selectors', () => {
	it( 'return shared empty values for an empty store', () => {
		const a = state();
		const b = state( { type: 'SET_ACTIVE_LESSON', id: 'l1' } );
		expect( selectors.getSections( a ) ).toBe( selectors.getSections( b ) );
		expect( selectors.getAllLessons( a ) ).toBe(
			selectors.getAllLessons( b )
		);
		expect( selectors.getLessonsWithoutContent( a ) ).toEqual( [] );
		expect( selectors.getRequest( a, 'chat' ) ).toBe(
			selectors.getRequest( b, 'content' )
		);
	} );

	it( 'memoize derived data until its inputs change', () => {
		const a = withCourse();
		const lessons = selectors.getAllLessons( a );
		const counts = selectors.getStructureCounts( a );
		const payload = selectors.getSessionPayload( a );
		const unrelated = reducer( a, {
			type: 'REQUEST_START',
			key: 'sessions',
		} );
		expect( selectors.getAllLessons( unrelated ) ).toBe( lessons );
		expect( selectors.getStructureCounts( unrelated ) ).toBe( counts );
		expect( selectors.getSessionPayload( unrelated ) ).toBe( payload );
		const edited = reducer( a, {
			type: 'UPDATE_LESSON',
			id: 'l2',
			changes: { title: 'N' },
		} );
		expect( selectors.getAllLessons( edited ) ).not.toBe( lessons );
		expect( selectors.getSessionPayload( edited ) ).not.toBe( payload );
		expect( counts ).toEqual( { sections: 1, lessons: 2, withContent: 1 } );
		expect(
			selectors.getLessonsWithoutContent( a ).map( ( l ) => l.id )
		).toEqual( [ 'l2' ] );
	} );

	it( 'find lessons and sections, undo state and saving flags', () => {
		let s = withCourse();
		expect( selectors.getLesson( s, 'l2' )?.title ).toBe( 'M' );
		expect( selectors.getLessonSectionId( s, 'l2' ) ).toBe( 's1' );
		expect( selectors.getSection( s, 'nope' ) ).toBeNull();
		expect( selectors.canUndo( s ) ).toBe( false );
		s = reducer( s, { type: 'DELETE_LESSON', id: 'l2' } );
		expect( selectors.canUndo( s ) ).toBe( true );
		expect( selectors.hasUnsavedChanges( s ) ).toBe( true );
		expect( selectors.hasPendingEditMarks( s ) ).toBe( true );
		expect( selectors.getSaveStatus( s ) ).toBe( 'dirty' );
		s = reducer( s, { type: 'UNDO' } );
		expect( selectors.canRedo( s ) ).toBe( true );
	} );

	it( 'payload is what auto-save sends (no local-only flags)', () => {
		const s = reducer( withCourse(), {
			type: 'ADD_USER_MESSAGE',
			message: { role: 'user', content: 'q', failed: true },
		} );
		expect( selectors.getSessionPayload( s ) ).toEqual( {
			title: 'T',
			messages: [ { role: 'user', content: 'q' } ],
			course_structure: s.outline.present,
			conversation_state: 'course_structure',
			ui: { expanded_sections: [], active_lesson_id: null },
		} );
		expect( selectors.getRetryableMessage( s )?.content ).toBe( 'q' );
	} );

	it( 'a chat or creation in flight blocks saving', () => {
		const s = reducer( withCourse(), {
			type: 'REQUEST_START',
			key: 'chat',
		} );
		expect( selectors.isSaveBlocked( s ) ).toBe( true );
		expect(
			selectors.isSaveBlocked(
				reducer( s, { type: 'REQUEST_SUCCESS', key: 'chat' } )
			)
		).toBe( false );
		expect(
			selectors.isSaveBlocked(
				reducer( withCourse(), {
					type: 'REQUEST_START',
					key: 'content',
				} )
			)
		).toBe( false );
	} );
} );
