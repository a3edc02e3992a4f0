/**
 * Auto-save with a real registry and fake timers; only the network (apiFetch / fetch) is fake.
 * Importing this gives each test a fresh bridge and detaches the saver after it.
 */
import { attachAutoSave } from '..';
import { FakeBridge, installBridge } from './fake-bridge';
import {
	makeRegistry,
	noticesStore as loadNoticesStore,
	setConfig,
} from './helpers';

export const noticesStore = loadNoticesStore();

export let bridge: FakeBridge;
let detach: ( () => void ) | null = null;

beforeEach( () => {
	jest.useFakeTimers();
	jest.setSystemTime( new Date( '2026-03-01T10:00:00Z' ) );
	setConfig();
	localStorage.clear();
	bridge = new FakeBridge();
	installBridge( bridge );
} );

afterEach( () => {
	detach?.();
	detach = null;
	jest.useRealTimers();
} );

export async function setup( { withSession = true } = {} ) {
	const env = makeRegistry( noticesStore );
	if ( withSession ) {
		const server = bridge.addSession( {
			session_id: 'S1',
			course_structure: {
				title: 'C',
				description: '',
				sections: [ { id: 's1', title: 'One', lessons: [] } ],
			},
		} );
		await env.dispatch().loadSession( server.session_id );
		bridge.calls = [];
	}
	detach = attachAutoSave( env.registry );
	return env;
}

/** Detaches the saver set up by `setup()` now (what is pending goes out). */
export function detachNow(): void {
	detach?.();
	detach = null;
}

export const saves = () => bridge.callsOf( 'mpcc_auto_save_session' );
