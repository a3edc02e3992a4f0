/** Fixtures of the reducer tests: a small course and a server copy of it. */
import { outline } from '../reducers';
import type {
	Action,
	CourseStructure,
	OutlineState,
	ServerSession,
} from '../types';

export const course = (): CourseStructure => ( {
	title: 'Bread',
	description: 'Baking',
	sections: [
		{
			id: 's1',
			title: 'Dough',
			lessons: [
				{ id: 'l1', title: 'Flour' },
				{ id: 'l2', title: 'Water' },
			],
		},
		{ id: 's2', title: 'Oven', lessons: [ { id: 'l3', title: 'Heat' } ] },
	],
} );

export const server = (
	extra: Partial< ServerSession > = {}
): ServerSession => ( {
	session_id: 'abc',
	title: 'T',
	messages: [ { role: 'user', content: 'hi' } ],
	course_structure: course(),
	conversation_state: 'course_structure',
	revision: 3,
	updated_at: '2026-01-01T00:00:00Z',
	...extra,
} );

export const withCourse = (): OutlineState =>
	outline( undefined, { type: 'RECEIVE_SESSION', session: server() } );
export const run = ( state: OutlineState, ...actions: Action[] ) =>
	actions.reduce( outline, state );
