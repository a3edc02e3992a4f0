import { mergeStructure } from '../merge';
import { courseOf, sectionOf } from './helpers';
import type { EditMark } from '../types';

const local = courseOf( 'Mine', 'Local description', [
	sectionOf( 's1', 'User renamed', [
		{ id: 'l1', title: 'One', content: '<p>written</p>' },
		[ 'lu', 'User lesson' ],
	] ),
	sectionOf( 'su', 'User section', [ [ 'lx', 'X' ] ] ),
	sectionOf( 's2', 'Two', [ [ 'l2', 'L2' ] ] ),
] );

const ai = courseOf( 'AI title', 'AI description', [
	sectionOf( 's1', 'AI section one', [
		[ 'l1', 'AI one' ],
		[ 'l4', 'AI new' ],
	] ),
	sectionOf( 's2', 'AI two', [ [ 'l2', 'AI L2' ] ] ),
	sectionOf( 's3', 'AI three' ),
] );

const mark = ( m: Partial< EditMark > ): EditMark => ( {
	seq: 1,
	fields: [],
	...m,
} );

describe( 'mergeStructure', () => {
	it( 'without marks the AI wins, but lesson content it did not send is kept', () => {
		const merged = mergeStructure( local, ai, {} );
		expect( merged.title ).toBe( 'AI title' );
		expect( merged.sections.map( ( s ) => s.id ) ).toEqual( [
			's1',
			's2',
			's3',
		] );
		expect( merged.sections[ 0 ]?.title ).toBe( 'AI section one' );
		expect( merged.sections[ 0 ]?.lessons[ 0 ] ).toEqual( {
			id: 'l1',
			title: 'AI one',
			content: '<p>written</p>',
		} );
	} );

	it( 'keeps renamed fields, added items in place, and deletions', () => {
		const merged = mergeStructure( local, ai, {
			course: mark( { fields: [ 'title' ] } ),
			s1: mark( { fields: [ 'title' ] } ),
			lu: mark( { place: true } ),
			su: mark( { place: true } ),
			s3: mark( { deleted: true } ),
		} );
		expect( merged.title ).toBe( 'Mine' );
		expect( merged.description ).toBe( 'AI description' );
		expect( merged.sections.map( ( s ) => s.id ) ).toEqual( [
			's1',
			'su',
			's2',
		] );
		expect( merged.sections[ 0 ]?.title ).toBe( 'User renamed' );
		expect( merged.sections[ 0 ]?.lessons.map( ( l ) => l.id ) ).toEqual( [
			'l1',
			'lu',
			'l4',
		] );
		expect( merged.sections[ 1 ] ).toEqual( local.sections[ 1 ] );
	} );

	it( "a user-moved lesson stays in the user's section", () => {
		const moved = courseOf( local.title, local.description, [
			sectionOf( 's1', 'a' ),
			sectionOf( 's2', 'b', [
				[ 'l2', 'L2' ],
				[ 'l1', 'One' ],
			] ),
		] );
		const merged = mergeStructure( moved, ai, {
			l1: mark( { place: true } ),
		} );
		expect( merged.sections[ 0 ]?.lessons.map( ( l ) => l.id ) ).toEqual( [
			'l4',
		] );
		expect( merged.sections[ 1 ]?.lessons.map( ( l ) => l.id ) ).toEqual( [
			'l2',
			'l1',
		] );
	} );

	it( 'a lesson the user added to a section the AI dropped brings the section back', () => {
		const merged = mergeStructure(
			local,
			{ ...ai, sections: [ { id: 's2', title: 'only', lessons: [] } ] },
			{ lx: mark( { place: true } ) }
		);
		expect( merged.sections.map( ( s ) => s.id ) ).toEqual( [
			'su',
			's2',
		] );
		expect( merged.sections[ 0 ]?.lessons.map( ( l ) => l.id ) ).toEqual( [
			'lx',
		] );
	} );

	it( 'a deletion undone locally is not re-applied', () => {
		const merged = mergeStructure( local, ai, {
			s2: mark( { deleted: true } ),
		} );
		expect( merged.sections.map( ( s ) => s.id ) ).toContain( 's2' );
	} );

	it( 'repairs missing and duplicate ids from the AI', () => {
		const merged = mergeStructure(
			null,
			{
				...ai,
				sections: [
					sectionOf( 'd', 'a', [
						[ 'x', '1' ],
						[ 'x', '2' ],
					] ),
					sectionOf( 'd', 'b' ),
				],
			},
			{}
		);
		const ids = merged.sections.flatMap( ( s ) => [
			s.id,
			...s.lessons.map( ( l ) => l.id ),
		] );
		expect( new Set( ids ).size ).toBe( ids.length );
	} );
} );
