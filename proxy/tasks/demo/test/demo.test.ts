import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	CourseTurnResponseSchema,
	EditorAssistResponseSchema,
	QUESTION_TYPES,
	QuizQuestionSchema,
	type CourseStructure,
	type EditorAssistRequest,
} from '../../../../src/schemas';
import { blockMarkupIsBalanced } from '../../../output/block-markup';
import { demoCourseTurn, outlineFor } from '../course-turn';
import { demoEditorAssist } from '../editor-assist';
import { demoLessonContent } from '../lesson-content';
import { demoQuizQuestions } from '../quiz';

/** The demo provider: deterministic, built from the user's own words, and sensible about stages. */
const LESSON_TEXT = `<!-- wp:heading -->
<h2 class="wp-block-heading">Photosynthesis</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Photosynthesis converts light energy into chemical energy stored in glucose. Chlorophyll in the chloroplasts absorbs mostly red and blue light. The light reactions split water molecules and release oxygen as a byproduct. The Calvin cycle uses carbon dioxide from the air to build sugar molecules. Plants store extra glucose as starch in their roots and leaves. Stomata on the leaf surface open to let carbon dioxide enter the plant.</p>
<!-- /wp:paragraph -->`;

function turn(
	message: string,
	state:
		| 'initial'
		| 'course_structure'
		| 'content_generation'
		| 'ready_to_create',
	structure: CourseStructure | null = null
) {
	const result = demoCourseTurn( {
		message,
		history: [],
		conversation_state: state,
		course_structure: structure,
	} );
	assert.ok(
		CourseTurnResponseSchema.safeParse( { ...result, demo: true } ).success
	);
	return result;
}

describe( 'demo course design', () => {
	it( 'builds a 3–5 section outline of 2–4 lessons from the topic words, with stable ids', () => {
		for ( const topic of [
			'sourdough bread baking for beginners',
			'Python data analysis',
			'watercolor landscapes',
			'negotiation skills for managers',
			'SQL',
		] ) {
			const outline = outlineFor( topic );
			assert.ok(
				outline.sections.length >= 3 && outline.sections.length <= 5,
				topic
			);
			for ( const section of outline.sections ) {
				assert.ok(
					section.lessons.length >= 2 && section.lessons.length <= 4
				);
			}
			assert.deepEqual( outlineFor( topic ), outline, 'deterministic' );
			const ids = outline.sections.flatMap( ( s ) => [
				s.id,
				...s.lessons.map( ( l ) => l.id ),
			] );
			assert.equal( new Set( ids ).size, ids.length, 'ids are unique' );
		}
		const outline = outlineFor( 'sourdough bread baking for beginners' );
		assert.match( outline.title, /Sourdough Bread Baking/ );
		assert.ok(
			outline.sections.some( ( s ) => /Sourdough/.test( s.title ) )
		);
	} );

	it( 'moves initial → course_structure → content_generation → ready_to_create', () => {
		const first = turn(
			'I want to create a course about watercolor painting for beginners',
			'initial'
		);
		assert.equal( first.conversation_state, 'course_structure' );
		assert.ok( first.course_structure );
		assert.match( first.message, /Watercolor Painting/ );
		const structure = first.course_structure as CourseStructure;
		const added = turn(
			'Add a section about color mixing',
			'course_structure',
			structure
		);
		assert.equal(
			added.course_structure?.sections.length,
			structure.sections.length + 1
		);
		assert.ok(
			added.course_structure?.sections.some(
				( s ) => s.title === 'Color Mixing'
			)
		);
		const content = turn(
			'Can you write the content for the lessons?',
			'course_structure',
			added.course_structure
		);
		assert.equal( content.conversation_state, 'content_generation' );
		const ready = turn(
			'Looks good, create it',
			'content_generation',
			added.course_structure
		);
		assert.equal( ready.conversation_state, 'ready_to_create' );
		assert.deepEqual( ready.course_structure, added.course_structure );
	} );

	it( 'answers a draft outline (untitled, over-long) with one that can be created', () => {
		const draft = outlineFor( 'beekeeping' );
		draft.sections[ 0 ]!.lessons[ 0 ]!.title = '';
		draft.sections[ 1 ]!.title = 'x'.repeat( 300 );
		const answer = turn( 'what do you think?', 'course_structure', draft );
		assert.equal(
			answer.course_structure?.sections[ 0 ]?.lessons[ 0 ]?.title,
			'Lesson 1.1'
		);
		assert.equal(
			answer.course_structure?.sections[ 1 ]?.title.length,
			200
		);
	} );

	it( 'does not call an outline without lessons ready to create (issue 18 item 9)', () => {
		const empty: CourseStructure = {
			title: 'Beekeeping',
			description: '',
			sections: [],
		};
		const answer = turn( 'Looks good', 'course_structure', empty );
		assert.equal( answer.conversation_state, 'course_structure' );
		assert.doesNotMatch( answer.message, /Press/ );
		const emptySection = turn( 'Looks good', 'course_structure', {
			...empty,
			sections: [ { id: 's-1', title: 'Start', lessons: [] } ],
		} );
		assert.equal( emptySection.conversation_state, 'course_structure' );
	} );

	it( 'asks for a topic when there is none, and renames on request', () => {
		const none = turn( 'hello', 'initial' );
		assert.equal( none.conversation_state, 'initial' );
		assert.equal( none.course_structure, null );
		const structure = outlineFor( 'gardening' );
		assert.equal(
			turn(
				'Rename it to Balcony Gardening',
				'course_structure',
				structure
			).course_structure?.title,
			'Balcony Gardening'
		);
	} );
} );

describe( 'demo lesson content', () => {
	it( 'is balanced core block markup as WordPress 6.5+ serializes it', () => {
		const course = outlineFor( 'bread baking' );
		const section = course
			.sections[ 1 ] as CourseStructure[ 'sections' ][ number ];
		const lesson = section
			.lessons[ 0 ] as CourseStructure[ 'sections' ][ number ][ 'lessons' ][ number ];
		const content = demoLessonContent( {
			course,
			section_id: section.id,
			lesson_id: lesson.id,
		} );
		assert.ok( blockMarkupIsBalanced( content ) );
		assert.match(
			content,
			/<!-- wp:heading -->\n<h2 class="wp-block-heading">[^<]+<\/h2>\n<!-- \/wp:heading -->/
		);
		assert.match(
			content,
			/<!-- wp:paragraph -->\n<p>[^<]+<\/p>\n<!-- \/wp:paragraph -->/
		);
		assert.match(
			content,
			/<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>[^<]+<\/li>\n<!-- \/wp:list-item -->\n\n<!-- wp:list-item -->/
		);
		assert.match(
			content,
			/<!-- wp:list \{"ordered":true\} -->\n<ol class="wp-block-list">/
		);
		assert.ok( content.includes( course.title ) );
		assert.throws(
			() =>
				demoLessonContent( {
					course,
					section_id: 'nope',
					lesson_id: lesson.id,
				} ),
			/section_id/
		);
	} );
} );

describe( 'demo editor assist', () => {
	const post: EditorAssistRequest[ 'post' ] = {
		id: 3,
		type: 'mpcs-lesson',
		title: 'Photosynthesis basics',
		content: LESSON_TEXT,
	};
	const ask = (
		message: string,
		extra: Partial< EditorAssistRequest[ 'post' ] > = {}
	) => {
		const result = demoEditorAssist( {
			message,
			history: [],
			post: { ...post, ...extra },
		} );
		assert.ok(
			EditorAssistResponseSchema.safeParse( { ...result, demo: true } )
				.success,
			message
		);
		return result;
	};

	it( 'proposes typed suggestions matching the request', () => {
		const objectives = ask( 'Add learning objectives' );
		assert.equal( objectives.suggestions[ 0 ]?.type, 'insert_blocks' );
		assert.match(
			( objectives.suggestions[ 0 ] as { content: string } ).content,
			/<!-- wp:list -->/
		);
		assert.deepEqual(
			ask( 'Summarize this lesson' ).suggestions.map( ( s ) => s.type ),
			[ 'insert_blocks', 'set_excerpt' ]
		);
		assert.equal(
			ask( 'Suggest a better title' ).suggestions[ 0 ]?.type,
			'set_title'
		);
		assert.equal(
			ask( 'Improve this paragraph', {
				selected_block: {
					client_id: 'c1',
					name: 'core/paragraph',
					content: '<p>This is really very very good.</p>',
				},
			} ).suggestions[ 0 ]?.type,
			'replace_block'
		);
		assert.equal(
			ask( 'Create an outline from the title' ).suggestions[ 0 ]?.type,
			'insert_blocks'
		);
		assert.match(
			ask( 'What should the next lesson be?' ).message,
			/next lesson/
		);
		assert.deepEqual(
			ask( 'Add learning objectives' ),
			objectives,
			'deterministic'
		);
	} );
} );

describe( 'demo quiz', () => {
	for ( const type of QUESTION_TYPES ) {
		it( `${ type }: valid questions with verbatim excerpts, the requested count, no duplicates`, () => {
			const questions = demoQuizQuestions( LESSON_TEXT, {
				type,
				count: 5,
				difficulty: 'medium',
			} );
			assert.equal( questions.length, 5 );
			for ( const question of questions ) {
				assert.ok(
					QuizQuestionSchema.safeParse( question ).success,
					JSON.stringify( question )
				);
				assert.equal( question.type, type );
				assert.ok(
					question.source_excerpt &&
						LESSON_TEXT.includes( question.source_excerpt )
				);
			}
			assert.equal(
				new Set( questions.map( ( q ) => q.question ) ).size,
				questions.length
			);
			assert.deepEqual(
				demoQuizQuestions( LESSON_TEXT, {
					type,
					count: 5,
					difficulty: 'medium',
				} ),
				questions
			);
		} );
	}

	it( 'distractors come from the content, and the correct option is not systematically the longest', () => {
		const questions = demoQuizQuestions( LESSON_TEXT, {
			type: 'multiple_choice',
			count: 6,
			difficulty: 'medium',
		} );
		const text = LESSON_TEXT.toLowerCase();
		for ( const q of questions ) {
			assert.ok(
				q.options.every( ( o ) => text.includes( o.toLowerCase() ) )
			);
		}
		const longest = questions.filter(
			( q ) =>
				( q.correct_answer as string ).length >
				Math.max(
					...q.options
						.filter( ( o ) => o !== q.correct_answer )
						.map( ( o ) => o.length )
				)
		);
		assert.ok( longest.length <= questions.length / 2 );
	} );

	it( 'difficulty changes the questions and points; short content yields fewer', () => {
		const easy = demoQuizQuestions( LESSON_TEXT, {
			type: 'short_answer',
			count: 3,
			difficulty: 'easy',
		} );
		const hard = demoQuizQuestions( LESSON_TEXT, {
			type: 'short_answer',
			count: 3,
			difficulty: 'hard',
		} );
		assert.notDeepEqual(
			easy.map( ( q ) => q.question ),
			hard.map( ( q ) => q.question )
		);
		assert.ok(
			easy.every( ( q ) => q.points === 1 ) &&
				hard.every( ( q ) => q.points === 3 )
		);
		assert.ok(
			demoQuizQuestions( '<p>Too short.</p>', {
				type: 'multiple_choice',
				count: 5,
				difficulty: 'easy',
			} ).length === 0
		);
	} );
} );
