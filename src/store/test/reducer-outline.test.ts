/** The outline slice of `mpcc/session`. */
import { INITIAL_OUTLINE, outline } from '../reducers';
import { HISTORY_LIMIT } from '../constants';
import { course, server, withCourse, run } from './reducer-fixtures';

describe( 'outline reducer', () => {
	it( 'RECEIVE_SESSION installs the structure with ids and empty history', () => {
		const state = outline( undefined, {
			type: 'RECEIVE_SESSION',
			session: server( {
				course_structure: {
					title: 'x',
					description: '',
					sections: [ { id: '', title: 'a', lessons: [] } ],
				},
			} ),
		} );
		expect( state.present?.sections[ 0 ]?.id ).toMatch( /^s-/ );
		expect( state.past ).toEqual( [] );
	} );
	it( 'RECEIVE_SESSION fills lesson content from lesson_drafts', () => {
		const state = outline( undefined, {
			type: 'RECEIVE_SESSION',
			session: server( {
				lesson_drafts: { l2: '<p>draft</p>', gone: 'x' },
			} ),
		} );
		expect( state.present?.sections[ 0 ]?.lessons[ 1 ]?.content ).toBe(
			'<p>draft</p>'
		);
		expect(
			state.present?.sections[ 0 ]?.lessons[ 0 ]?.content
		).toBeUndefined();
	} );
	it( 'adds, renames, moves and deletes sections and lessons, each an undo step with a mark', () => {
		let state = withCourse();
		state = run( state, {
			type: 'ADD_SECTION',
			section: { id: 's3', title: 'New', lessons: [] },
			index: 1,
		} );
		const sectionIds = () => state.present?.sections.map( ( s ) => s.id );
		expect( sectionIds() ).toEqual( [ 's1', 's3', 's2' ] );
		state = run( state, {
			type: 'UPDATE_SECTION',
			id: 's3',
			changes: { title: 'Renamed' },
		} );
		state = run( state, { type: 'MOVE_SECTION', id: 's3', toIndex: 0 } );
		expect( state.present?.sections.map( ( s ) => s.title ) ).toEqual( [
			'Renamed',
			'Dough',
			'Oven',
		] );
		state = run( state, {
			type: 'ADD_LESSON',
			sectionId: 's3',
			lesson: { id: 'l9', title: 'L' },
		} );
		state = run( state, {
			type: 'MOVE_LESSON',
			id: 'l1',
			toSectionId: 's3',
			toIndex: 0,
		} );
		expect(
			state.present?.sections[ 0 ]?.lessons.map( ( l ) => l.id )
		).toEqual( [ 'l1', 'l9' ] );
		state = run( state, {
			type: 'UPDATE_LESSON',
			id: 'l9',
			changes: { title: 'L2', summary: 's' },
		} );
		state = run( state, { type: 'DELETE_LESSON', id: 'l2' } );
		state = run( state, { type: 'DELETE_SECTION', id: 's2' } );
		expect( state.present?.sections.map( ( s ) => s.id ) ).toEqual( [
			's3',
			's1',
		] );
		expect( state.past ).toHaveLength( 8 );
		expect( state.marks ).toMatchObject( {
			s3: { place: true, fields: [ 'title' ] },
			l1: { place: true },
			l9: { place: true, fields: [ 'summary', 'title' ] },
			l2: { deleted: true },
			s2: { deleted: true },
		} );
		state = run( state, {
			type: 'SET_COURSE_FIELD',
			field: 'title',
			value: 'Rye',
		} );
		expect( state.marks.course ).toMatchObject( { fields: [ 'title' ] } );
	} );
	it( 'no-op edits return the same state (no history, no mark)', () => {
		const state = withCourse();
		expect(
			run( state, {
				type: 'UPDATE_SECTION',
				id: 's1',
				changes: { title: 'Dough' },
			} )
		).toBe( state );
		expect(
			run( state, { type: 'MOVE_SECTION', id: 's1', toIndex: 0 } )
		).toBe( state );
		expect( run( state, { type: 'DELETE_LESSON', id: 'nope' } ) ).toBe(
			state
		);
		expect(
			run( state, {
				type: 'MOVE_LESSON',
				id: 'l1',
				toSectionId: 'nope',
				toIndex: 0,
			} )
		).toBe( state );
	} );
	it( 'typing into one title coalesces into one undo step', () => {
		let state = withCourse();
		for ( const title of [ 'D', 'Do', 'Dou', 'Doug' ] ) {
			state = run( state, {
				type: 'UPDATE_SECTION',
				id: 's1',
				changes: { title },
			} );
		}
		expect( state.past ).toHaveLength( 1 );
		state = run( state, { type: 'UNDO' } );
		expect( state.present?.sections[ 0 ]?.title ).toBe( 'Dough' );
	} );
	it( 'undo and redo walk the history; a new edit clears redo', () => {
		let state = run(
			withCourse(),
			{ type: 'DELETE_SECTION', id: 's1' },
			{ type: 'DELETE_SECTION', id: 's2' }
		);
		expect( state.present?.sections ).toHaveLength( 0 );
		state = run( state, { type: 'UNDO' } );
		expect( state.present?.sections.map( ( s ) => s.id ) ).toEqual( [
			's2',
		] );
		state = run( state, { type: 'UNDO' } );
		expect( state.present?.sections ).toHaveLength( 2 );
		expect( run( state, { type: 'UNDO' } ) ).toBe( state );
		state = run( state, { type: 'REDO' } );
		expect( state.present?.sections.map( ( s ) => s.id ) ).toEqual( [
			's2',
		] );
		state = run( state, {
			type: 'ADD_SECTION',
			section: { id: 'n', title: 'n', lessons: [] },
		} );
		expect( state.future ).toHaveLength( 0 );
		expect( run( state, { type: 'REDO' } ) ).toBe( state );
	} );
	it( `keeps at most ${ HISTORY_LIMIT } undo steps`, () => {
		let state = withCourse();
		for ( let i = 0; i < HISTORY_LIMIT + 20; i++ ) {
			state = run( state, {
				type: 'ADD_SECTION',
				section: { id: `x${ i }`, title: `${ i }`, lessons: [] },
			} );
		}
		expect( state.past ).toHaveLength( HISTORY_LIMIT );
		for ( let i = 0; i < HISTORY_LIMIT + 5; i++ ) {
			state = run( state, { type: 'UNDO' } );
		}
		expect( state.present?.sections ).toHaveLength( 2 + 20 );
	} );
	it( 'an AI structure is merged (and undoable); SAVE_SUCCESS clears marks up to the saved edit', () => {
		let state = run( withCourse(), {
			type: 'UPDATE_SECTION',
			id: 's1',
			changes: { title: 'Mine' },
		} );
		state = run( state, {
			type: 'RECEIVE_REPLY',
			message: '',
			demo: false,
			structure: {
				...course(),
				sections: [ { id: 's1', title: 'AI', lessons: [] } ],
			},
		} );
		expect( state.present?.sections ).toEqual( [
			{ id: 's1', title: 'Mine', lessons: [] },
		] );
		state = run( state, { type: 'UNDO' } );
		expect( state.present?.sections ).toHaveLength( 2 );
		state = run( state, {
			type: 'SAVE_SUCCESS',
			seq: 1,
			editSeq: state.editSeq,
			revision: 2,
			sessionId: 'a',
			time: 1,
		} );
		expect( state.marks ).toEqual( {} );
		expect(
			run( state, { type: 'RECEIVE_STRUCTURE', structure: null } )
		).toBe( state );
	} );
	it( 'SET_LESSON_CONTENT writes content without an undo step', () => {
		const state = run( withCourse(), {
			type: 'SET_LESSON_CONTENT',
			id: 'l1',
			content: '<p>x</p>',
		} );
		expect( state.present?.sections[ 0 ]?.lessons[ 0 ]?.content ).toBe(
			'<p>x</p>'
		);
		expect( state.past ).toHaveLength( 0 );
		expect(
			run( INITIAL_OUTLINE, {
				type: 'SET_LESSON_CONTENT',
				id: 'l1',
				content: 'x',
			} )
		).toBe( INITIAL_OUTLINE );
	} );
} );
