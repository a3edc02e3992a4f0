/**
 * The bridge's field errors in the author's words (issue 17): never a bare "not valid".
 */
import { describeFieldErrors, locateField } from '../field-errors';
import { toErrorInfo } from '../error-messages';
import { ApiError } from '../errors';

describe( 'field errors in words', () => {
	it.each( [
		[
			'course_structure.sections.0.lessons.2.title: expected at most 5000 characters',
			'The title of lesson 1.3 is too long (the most is 5000 characters).',
		],
		[
			'course_structure.sections.1.lessons: expected at most 1000 items',
			'Section 2 has too many items (the most is 1000).',
		],
		[
			'course_structure.sections: expected at most 5000 lessons in all',
			'The outline has too many items (the most is 5000).',
		],
		[
			'session_data: expected at most 1048576 bytes',
			'This conversation is too large to send (the most is 1 MB).',
		],
		// What Create course answers (course_data, no prefix).
		[
			'sections.0.lessons.2.title: expected at least 1 characters',
			'Lesson 1.3 needs a title.',
		],
		[
			'sections.1.lessons: expected at most 50 items',
			'Section 2 has too many items (the most is 50).',
		],
		[
			'sections: expected at least 1 lesson',
			'Add a section with at least one lesson.',
		],
		[
			'messages.3.content: expected a string',
			'Message 4 is not in the expected form.',
		],
	] )( '%s', ( error, words ) => {
		expect( describeFieldErrors( [ error ] ) ).toBe( words );
	} );

	it( 'points at the item', () => {
		expect(
			locateField( 'course_structure.sections.1.lessons.4.title' )
		).toEqual( { sectionIndex: 1, lessonIndex: 4 } );
		expect( locateField( 'sections.2.title' ) ).toEqual( {
			sectionIndex: 2,
			lessonIndex: null,
		} );
		expect( locateField( 'messages.0' ) ).toBeNull();
	} );

	it( 'replaces the generic message of a refusal that names its fields', () => {
		const info = toErrorInfo(
			new ApiError( 'mpcc_invalid_parameter', 'x', 400, {
				errors: [ 'sections.0.title: expected at least 1 characters' ],
			} )
		);
		expect( info.message ).toBe( 'Section 1 needs a title.' );
		expect( info.fields ).toEqual( [
			'sections.0.title: expected at least 1 characters',
		] );
		expect(
			toErrorInfo( new ApiError( 'mpcc_invalid_parameter', 'x', 400 ) )
				.message
		).toBe( 'The request was not valid.' );
	} );
} );
