import type { CourseStructure } from '../../src/schemas';
import type { TaskName } from '../prompts/prompt-versions';

/** Requests and model answers shared by the route tests. */
export const COURSE: CourseStructure = {
	title: 'Sourdough Basics',
	description: 'Bake bread with wild yeast.',
	sections: [
		{
			id: 's1',
			title: 'Starter',
			lessons: [
				{ id: 's1-l1', title: 'Feeding a starter' },
				{ id: 's1-l2', title: 'Reading bubbles' },
			],
		},
		{
			id: 's2',
			title: 'Baking',
			lessons: [
				{ id: 's2-l1', title: 'Shaping a loaf' },
				{ id: 's2-l2', title: 'Scoring and baking' },
			],
		},
	],
};

export const COURSE_TURN_REQUEST = {
	message: 'A course about sourdough bread for beginners',
	history: [],
	conversation_state: 'initial',
};

export const COURSE_TURN_ANSWER = JSON.stringify( {
	message: 'Here is an outline for Sourdough Basics.',
	course_structure: COURSE,
	conversation_state: 'course_structure',
} );

export const LESSON_REQUEST = {
	course: COURSE,
	section_id: 's1',
	lesson_id: 's1-l1',
};

export const LESSON_ANSWER =
	'<!-- wp:heading -->\n<h2 class="wp-block-heading">Feeding</h2>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>Feed it flour and water.</p>\n<!-- /wp:paragraph -->';

export const EDITOR_REQUEST = {
	message: 'Add learning objectives',
	history: [],
	post: {
		id: 7,
		type: 'mpcs-lesson',
		title: 'Feeding a starter',
		content:
			'<!-- wp:paragraph --><p>Flour and water.</p><!-- /wp:paragraph -->',
	},
};

export const EDITOR_ANSWER = JSON.stringify( {
	message: 'Here are objectives.',
	suggestions: [
		{
			type: 'insert_blocks',
			id: 'a1',
			label: 'Insert objectives',
			position: 'cursor',
			content:
				'<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>Feed a starter</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->',
		},
		{
			type: 'replace_block',
			id: 'a2',
			label: 'Replace',
			content: '<!-- wp:paragraph --><p>x</p><!-- /wp:paragraph -->',
		},
		{ type: 'set_title', id: 'a3', label: 'Retitle', title: '' },
	],
} );

export const QUIZ_CONTENT =
	'<!-- wp:paragraph --><p>A sourdough starter is a culture of wild yeast and lactic acid bacteria. Bakers feed the starter with flour and water every day. A healthy starter doubles in size within eight hours of feeding. Bread made with sourdough has a tangy flavour and a chewy crumb.</p><!-- /wp:paragraph -->';

export function quizQuestion(
	n: number,
	excerpt = 'Bakers feed the starter with flour and water every day.'
) {
	return {
		type: 'multiple_choice',
		question: `Question number ${ n }: what do bakers feed the starter?`,
		options: [ 'Flour and water', 'Sugar', 'Milk and honey', 'Salt only' ],
		correct_answer: 'Flour and water',
		explanation:
			'The lesson says bakers feed the starter with flour and water.',
		difficulty: 'medium',
		points: 2,
		source_excerpt: excerpt,
	};
}

export function quizRequest( count: number, stream = false ) {
	return {
		content: QUIZ_CONTENT,
		options: { type: 'multiple_choice', count, difficulty: 'medium' },
		stream,
	};
}

/** One call of each task route and an answer that passes it: what the cross-provider tests send. */
export const TASK_CALLS: ReadonlyArray< {
	route: TaskName;
	request: Record< string, unknown >;
	answer: string;
} > = [
	{
		route: 'course-turn',
		request: COURSE_TURN_REQUEST,
		answer: COURSE_TURN_ANSWER,
	},
	{ route: 'editor-assist', request: EDITOR_REQUEST, answer: EDITOR_ANSWER },
	{
		route: 'quiz',
		request: quizRequest( 2 ),
		answer: JSON.stringify( {
			questions: [ quizQuestion( 1 ), quizQuestion( 2 ) ],
		} ),
	},
	{ route: 'lesson-content', request: LESSON_REQUEST, answer: LESSON_ANSWER },
];
