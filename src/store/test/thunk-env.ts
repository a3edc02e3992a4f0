/**
 * Thunks against a real registry; the bridge behind apiFetch is fake (see fake-bridge.ts). Importing
 * this gives each test a fresh bridge (`bridge`); each test file still mocks apiFetch itself.
 */
import { FakeBridge, FakeStream, installBridge } from './fake-bridge';
import { setConfig } from './helpers';
import type { CourseStructure } from '../types';

export let bridge: FakeBridge;

beforeEach( () => {
	setConfig();
	localStorage.clear();
	bridge = new FakeBridge();
	installBridge( bridge );
} );

export const outline = (
	sections: CourseStructure[ 'sections' ]
): CourseStructure => ( { title: 'Course', description: 'D', sections } );

/** Routes one action to a stream the test drives. */
export function streamFor( action: string ): { current: FakeStream | null } {
	const ref: { current: FakeStream | null } = { current: null };
	bridge.handlers.set( action, ( _fields, _call, signal ) => {
		ref.current = new FakeStream( signal );
		return ref.current.response();
	} );
	return ref;
}
