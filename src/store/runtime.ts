/**
 * Per-registry things that are not state: open streams (so stop() can close them), which
 * conversation is open (`epoch`: a stream started in another one must not touch this one), the running
 * create-course request (so a double click creates one course), the last assistant context
 * (so retry can resend it). Keyed by registry so tests with fresh registries never share them.
 */
import type { EditorContextInput } from '../api/types';
import type { BlockTarget } from '../schemas/suggestions';
import type { CreatedCourse } from './types';

interface Runtime {
	streams: Map< string, { close: () => void } >;
	/** Moves on whenever another conversation is opened (started, loaded, deleted). */
	epoch: number;
	contentCancelled: boolean;
	creating: Promise< CreatedCourse | null > | null;
	assistantContext: EditorContextInput | null;
	/** The block selected with the last assistant message: replace_block cards of its reply keep it. */
	assistantTarget: BlockTarget | null;
}

const runtimes = new WeakMap< object, Runtime >();

export function runtimeFor( registry: object ): Runtime {
	let runtime = runtimes.get( registry );
	if ( ! runtime ) {
		runtime = {
			streams: new Map(),
			epoch: 0,
			contentCancelled: false,
			creating: null,
			assistantContext: null,
			assistantTarget: null,
		};
		runtimes.set( registry, runtime );
	}
	return runtime;
}
