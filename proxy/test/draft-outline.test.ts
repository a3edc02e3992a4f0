import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CourseDraft } from '../../src/schemas';
import { postJson, startApp, testConfig, type Running } from './helpers';

/**
 * Issue 17: the author's saved outline is a draft (untitled lessons, long titles, big sections)
 * and the bridge sends it as is; the proxy takes it, and its answer meets the creation rules.
 */
const TOKEN = 'draft-token';
const headers = {
	authorization: `Bearer ${ TOKEN }`,
	'x-mpcc-site': 'drafts',
	'x-mpcc-user': '17',
};

const DRAFT: CourseDraft = {
	title: 'Beekeeping',
	description: '',
	sections: [
		{
			id: 's-1',
			title: 'Starting Out',
			lessons: [
				{ id: 'l-1', title: 'Your First Hive' },
				{ id: 'l-2', title: '' },
			],
		},
		{
			id: 's-2',
			title: 'x'.repeat( 300 ),
			lessons: Array.from( { length: 3 }, ( _, i ) => ( {
				id: `l-${ i + 3 }`,
				title: '   ',
			} ) ),
		},
	],
};

describe( 'a draft outline in a request', () => {
	let proxy: Running;
	before( async () => {
		proxy = await startApp(
			testConfig( 'demo', undefined, { token: TOKEN } )
		);
	} );
	after( () => proxy.close() );

	it( 'course-turn takes it and answers with an outline that can be created', async () => {
		const res = await postJson(
			`${ proxy.url }/v1/tasks/course-turn`,
			{
				message: 'What do you think?',
				history: [],
				conversation_state: 'course_structure',
				course_structure: DRAFT,
			},
			headers
		);
		assert.equal( res.status, 200 );
		const body = ( await res.json() ) as {
			course_structure: CourseDraft;
		};
		assert.equal(
			body.course_structure.sections[ 0 ]?.lessons[ 1 ]?.title,
			'Lesson 1.2'
		);
		assert.equal( body.course_structure.sections[ 1 ]?.title.length, 200 );
	} );

	it( 'lesson-content drafts a lesson of a draft outline', async () => {
		const res = await postJson(
			`${ proxy.url }/v1/tasks/lesson-content`,
			{ course: DRAFT, section_id: 's-1', lesson_id: 'l-1' },
			headers
		);
		assert.equal( res.status, 200 );
	} );
} );
