import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QuizQuestionSchema } from '../../../src/schemas';
import { OUTPUT_JSON_SCHEMA as COURSE_TURN } from '../../prompts/course-turn';
import { OUTPUT_JSON_SCHEMA as EDITOR_ASSIST } from '../../prompts/editor-assist';
import { OUTPUT_JSON_SCHEMA as QUIZ } from '../../prompts/quiz';
import { nullsToAbsent, toStrictJsonSchema } from '../strict-schema';

type Schema = Record< string, unknown >;

/** Every object node of a schema, wherever it sits. */
function objects( schema: unknown, found: Schema[] = [] ): Schema[] {
	if ( Array.isArray( schema ) ) {
		schema.forEach( ( item ) => objects( item, found ) );
	} else if ( schema && typeof schema === 'object' ) {
		const node = schema as Schema;
		if ( node.type === 'object' ) {
			found.push( node );
		}
		Object.values( node ).forEach( ( value ) => objects( value, found ) );
	}
	return found;
}

describe( 'strict variant of the task schemas', () => {
	for ( const [ name, schema ] of Object.entries( {
		COURSE_TURN,
		EDITOR_ASSIST,
		QUIZ,
	} ) ) {
		it( `${ name }: every object closed with every property required; no oneOf, const or lengths`, () => {
			const strict = toStrictJsonSchema( schema );
			const nodes = objects( strict );
			assert.ok( nodes.length >= 2 );
			for ( const node of nodes ) {
				assert.equal( node.additionalProperties, false );
				assert.deepEqual(
					node.required,
					Object.keys( node.properties as Schema )
				);
			}
			const text = JSON.stringify( strict );
			assert.doesNotMatch(
				text,
				/"oneOf"|"const"|"minLength"|"maxLength"|"\$schema"/
			);
		} );
	}

	it( 'an optional field becomes nullable; a required one does not', () => {
		const strict = toStrictJsonSchema( QUIZ ) as {
			properties: {
				questions: { items: { properties: Record< string, Schema > } };
			};
		};
		const item = strict.properties.questions.items.properties;
		assert.deepEqual( item.source_excerpt, {
			anyOf: [ { type: 'string' }, { type: 'null' } ],
		} );
		assert.deepEqual( item.explanation, { type: 'string' } );
	} );

	it( 'nulls written for absent optional fields are removed, so zod accepts the answer', () => {
		const question = {
			type: 'true_false',
			question: 'Starters double in eight hours.',
			options: [ 'True', 'False' ],
			correct_answer: 'true',
			explanation: 'The text says so.',
			difficulty: 'easy',
			points: 1,
			source_excerpt: null,
		};
		const items = ( QUIZ.properties as { questions: { items: Schema } } )
			.questions.items;
		assert.equal( QuizQuestionSchema.safeParse( question ).success, false );
		const restored = nullsToAbsent( question, items ) as Schema;
		assert.equal( 'source_excerpt' in restored, false );
		assert.equal( QuizQuestionSchema.safeParse( restored ).success, true );
	} );

	it( 'a null the original schema allows stays (course_structure: null); nested optionals are restored', () => {
		assert.deepEqual(
			nullsToAbsent(
				{
					message: 'Hi',
					course_structure: null,
					conversation_state: 'initial',
				},
				COURSE_TURN
			),
			{
				message: 'Hi',
				course_structure: null,
				conversation_state: 'initial',
			}
		);
		const restored = nullsToAbsent(
			{
				message: 'Outline',
				course_structure: {
					title: 'T',
					description: '',
					sections: [
						{
							id: 's1',
							title: 'S',
							description: null,
							lessons: [
								{
									id: 'l1',
									title: 'L',
									summary: null,
									content: null,
									duration_minutes: 5,
								},
							],
						},
					],
				},
				conversation_state: 'course_structure',
			},
			COURSE_TURN
		) as {
			course_structure: {
				sections: Array< Schema & { lessons: Schema[] } >;
			};
		};
		const section = restored.course_structure.sections[ 0 ];
		assert.equal( section && 'description' in section, false );
		assert.deepEqual( section?.lessons[ 0 ], {
			id: 'l1',
			title: 'L',
			duration_minutes: 5,
		} );
	} );

	it( 'union members (editor suggestions) keep their own fields', () => {
		const value = {
			message: 'm',
			suggestions: [
				{ type: 'set_title', id: 'a', label: 'Retitle', title: 'New' },
			],
		};
		assert.deepEqual( nullsToAbsent( value, EDITOR_ASSIST ), value );
	} );
	it( 'in a union, a null is removed only where no member requires or allows it, on every call', () => {
		const schema: Schema = {
			type: 'object',
			properties: {
				items: {
					type: 'array',
					items: {
						anyOf: [
							{
								type: 'object',
								properties: {
									kind: { const: 'a' },
									hint: { type: 'string' },
									note: { type: 'string' },
								},
								required: [ 'kind' ],
							},
							{
								type: 'object',
								properties: {
									kind: { const: 'b' },
									note: { type: [ 'string', 'null' ] },
								},
								required: [ 'kind' ],
							},
						],
					},
				},
			},
		};
		const answer = {
			items: [
				{ kind: 'a', hint: null, note: null },
				{ kind: 'b', note: 'kept' },
			],
		};
		const expected = {
			items: [
				{ kind: 'a', note: null },
				{ kind: 'b', note: 'kept' },
			],
		};
		assert.deepEqual( nullsToAbsent( answer, schema ), expected );
		assert.deepEqual( nullsToAbsent( answer, schema ), expected );
		assert.equal(
			answer.items[ 0 ]?.hint,
			null,
			'the input is not changed'
		);
	} );
} );
