/**
 * What stands between the outline and Create course: named on the items, and in agreement with
 * the creation rules the bridge applies (CourseStructureSchema, the PHP CourseShape's twin).
 */
import fc from 'fast-check';
import { CourseStructureSchema } from '../../schemas/course';
import { creationBlockers } from '../creation-rules';
import { courseOf, sectionOf } from './helpers';

const lessons = ( n: number, prefix = 'l' ) =>
	Array.from( { length: n }, ( _, i ) => ( {
		id: `${ prefix }${ i }`,
		title: `Lesson ${ i + 1 }`,
	} ) );

describe( 'creation blockers', () => {
	it( 'names the item and the rule', () => {
		const structure = courseOf( 'Bees', '', [
			sectionOf( 's1', 'Start', [
				[ 'a', 'One' ],
				[ 'b', 'Two' ],
				[ 'c', '  ' ],
			] ),
			sectionOf( 's2', 'More', lessons( 52 ) ),
			sectionOf( 's3', 'x'.repeat( 201 ) ),
		] );
		expect(
			creationBlockers( structure ).map( ( b ) => [
				b.itemId,
				b.message,
			] )
		).toEqual( [
			[ 'c', 'Lesson 1.3 needs a title.' ],
			[ 's2', 'Section 2 has 52 lessons; the most is 50.' ],
			[
				's3',
				'The title of section 3 has 201 characters; the most is 200.',
			],
		] );
	} );

	it( 'asks for a section with a lesson when there is none', () => {
		expect(
			creationBlockers( {
				title: 'T',
				description: '',
				sections: [],
			} ).map( ( b ) => b.message )
		).toEqual( [ 'Add a section with at least one lesson.' ] );
		expect(
			creationBlockers( {
				title: '',
				description: '',
				sections: [ { id: 's', title: 'S', lessons: [] } ],
			} ).map( ( b ) => b.message )
		).toEqual( [
			'The course needs a title.',
			'Add at least one lesson.',
		] );
	} );

	it( 'finds none exactly when the bridge would create the course', () => {
		const title = fc.oneof(
			fc.constant( '' ),
			fc.constant( ' \t' ),
			fc.string( { unit: 'grapheme', maxLength: 12 } ),
			fc.string( { minLength: 195, maxLength: 205 } )
		);
		const lesson = fc.record( {
			id: fc.uuid(),
			title,
			content: fc.option(
				fc.constantFrom( 'short', 'y'.repeat( 100_001 ) ),
				{ nil: undefined }
			),
		} );
		const section = fc.record( {
			id: fc.uuid(),
			title,
			description: fc.option( fc.constantFrom( '', 'z'.repeat( 5001 ) ), {
				nil: undefined,
			} ),
			lessons: fc.oneof(
				fc.array( lesson, { maxLength: 4 } ),
				fc.constantFrom( lessons( 50 ), lessons( 51 ) )
			),
		} );
		fc.assert(
			fc.property(
				fc.record( {
					title,
					description: fc.constantFrom( '', 'd', 'w'.repeat( 5001 ) ),
					sections: fc.array( section, { maxLength: 4 } ),
				} ),
				( structure ) => {
					const clean = JSON.parse( JSON.stringify( structure ) );
					const creatable =
						CourseStructureSchema.safeParse( clean ).success &&
						clean.sections.some(
							( s: { lessons: unknown[] } ) => s.lessons.length
						);
					expect( creationBlockers( clean ).length === 0 ).toBe(
						creatable
					);
				}
			),
			{ numRuns: 300 }
		);
	} );
} );
