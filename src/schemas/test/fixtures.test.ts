/**
 * The fixture files in tests/fixtures/schemas/<shape>/{valid,invalid}/*.json, run through the zod
 * schemas. The PHP validator reads the same files (tests/php/ValidatorFixturesTest.php), so the
 * two validators are held to one set of answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ZodType } from 'zod';
import {
	ChatMessageSchema,
	CourseDraftSchema,
	CourseStructureSchema,
	CourseTurnResponseSchema,
	EditorAssistResponseSchema,
	EditorSuggestionSchema,
	LessonContentResponseSchema,
	QuizOptionsSchema,
	QuizQuestionSchema,
	QuizResponseSchema,
} from '..';

const FIXTURES = path.resolve( __dirname, '../../../tests/fixtures/schemas' );

const SCHEMAS: Record< string, ZodType > = {
	'course-structure': CourseStructureSchema,
	'course-draft': CourseDraftSchema,
	'chat-message': ChatMessageSchema,
	'quiz-question': QuizQuestionSchema,
	'quiz-options': QuizOptionsSchema,
	'editor-suggestion': EditorSuggestionSchema,
	'course-turn-response': CourseTurnResponseSchema,
	'lesson-content-response': LessonContentResponseSchema,
	'editor-assist-response': EditorAssistResponseSchema,
	'quiz-response': QuizResponseSchema,
};

function files( shape: string, kind: 'valid' | 'invalid' ): string[] {
	const dir = path.join( FIXTURES, shape, kind );
	return fs.existsSync( dir )
		? fs
				.readdirSync( dir )
				.filter( ( name ) => name.endsWith( '.json' ) )
				.sort()
		: [];
}

function read( shape: string, kind: string, name: string ): unknown {
	return JSON.parse(
		fs.readFileSync( path.join( FIXTURES, shape, kind, name ), 'utf8' )
	);
}

describe( 'shared schema fixtures', () => {
	it( 'has a schema for every fixture folder, and fixtures for every schema', () => {
		const folders = fs.readdirSync( FIXTURES ).sort();
		expect( folders ).toEqual( Object.keys( SCHEMAS ).sort() );
		for ( const shape of folders ) {
			expect( files( shape, 'valid' ).length ).toBeGreaterThan( 0 );
			expect( files( shape, 'invalid' ).length ).toBeGreaterThan( 0 );
		}
	} );

	for ( const [ shape, schema ] of Object.entries( SCHEMAS ) ) {
		describe( shape, () => {
			it.each( files( shape, 'valid' ) )(
				'accepts valid/%s',
				( name ) => {
					const result = schema.safeParse(
						read( shape, 'valid', name )
					);
					expect( result.error?.issues ?? [] ).toEqual( [] );
					expect( result.success ).toBe( true );
				}
			);
			it.each( files( shape, 'invalid' ) )(
				'rejects invalid/%s',
				( name ) => {
					expect(
						schema.safeParse( read( shape, 'invalid', name ) )
							.success
					).toBe( false );
				}
			);
		} );
	}
} );
