import type { ProviderName } from '../../config';
import type { FakeUpstream } from '../fake-upstream/fake-upstream';
import type { Running } from '../helpers';

/**
 * One table of provider faults, run over both wire formats (faults.test.ts): each case gets a proxy
 * whose provider speaks `wire` to the fake upstream. Deadlines are small (first byte 400 ms, idle
 * 300 ms, total 3 s) and checked against "deadline + 100 ms".
 */
export const WIRES = [
	'openai',
	'anthropic',
] as const satisfies readonly ProviderName[];
export type Wire = ( typeof WIRES )[ number ];

export interface FaultContext {
	wire: Wire;
	proxy: Running;
	fake: FakeUpstream;
}

export interface Fault {
	name: string;
	/** The wire formats the case applies to (default: both). */
	wires?: readonly Wire[];
	run: ( context: FaultContext ) => Promise< void >;
}

export const FIRST_BYTE_MS = 400;
export const IDLE_MS = 300;
export const CHAT = {
	model: 'm',
	messages: [ { role: 'user', content: 'hello' } ],
};
export const LONG_MESSAGE = 'word '.repeat( 200 ).trim();

export type ErrorBody = {
	error: {
		type: string;
		code: string;
		message: string;
		retry_after?: number;
	};
};

export async function until(
	condition: () => boolean,
	timeoutMs = 2_000
): Promise< void > {
	const start = Date.now();
	while ( ! condition() ) {
		if ( Date.now() - start > timeoutMs ) {
			throw new Error( 'condition not met in time' );
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 10 ) );
	}
}
