/** Fixtures of the reducer tests: a small course and a server copy of it. */
import { outline } from '../reducers';
import { courseOf, sectionOf } from './helpers';
import type {
	Action,
	CourseStructure,
	OutlineState,
	ServerSession,
} from '../types';

export const course = (): CourseStructure =>
	courseOf( 'Bread', 'Baking', [
		sectionOf( 's1', 'Dough', [
			[ 'l1', 'Flour' ],
			[ 'l2', 'Water' ],
		] ),
		sectionOf( 's2', 'Oven', [ [ 'l3', 'Heat' ] ] ),
	] );

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
