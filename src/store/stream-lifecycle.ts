/**
 * One stream lifecycle for both stores: the open stream is registered under its key (so a Stop
 * action can close it), its reply handed to `onReply`, and it is unregistered however it ends
 * (a throw, `mpcc_aborted` on Stop included, goes to the caller: see `endRequest`).
 */
import { runtimeFor } from './runtime';

export interface OpenStream< Reply > {
	done: Promise< Reply >;
	close: () => void;
}

export async function runStream< Reply, T >(
	registry: object,
	key: string,
	stream: OpenStream< Reply >,
	onReply: ( reply: Reply ) => T
): Promise< T > {
	const { streams } = runtimeFor( registry );
	streams.set( key, stream );
	try {
		return onReply( await stream.done );
	} finally {
		if ( streams.get( key ) === stream ) {
			streams.delete( key );
		}
	}
}

/** Stop: closes the streams open under these keys (their `done` rejects with `mpcc_aborted`). */
export function closeStreams( registry: object, ...keys: string[] ): void {
	const { streams } = runtimeFor( registry );
	keys.forEach( ( key ) => streams.get( key )?.close() );
}
