import http from 'node:http';

/**
 * A minimal keep-alive HTTP client for latency measurements with nanosecond timestamps. An idle socket
 * is dropped after 4 s, before any gateway's keep-alive timeout (node's 5 s, ours 72 s) ends it:
 * otherwise a request can go out on a socket the server is closing at that moment, and the run stops
 * on "socket hang up" (it did, when the soak began 72 s after ours was last used).
 */
export const agent = new http.Agent( {
	keepAlive: true,
	maxSockets: 256,
	timeout: 4_000,
} );

export interface Timing {
	status: number;
	totalNs: number;
	/** Arrival times of body chunks relative to the start (streaming). */
	chunkNs: number[];
	/** When the first chunk carrying model text (a non-empty `"content"`) arrived. */
	firstContentNs: number;
}

const CONTENT = /"content":"[^"]/;

/** `onChunk` sees each body chunk with its arrival on the machine's monotonic clock (process.hrtime). */
export function post(
	url: string,
	body: string,
	headers: Record< string, string > = {},
	onChunk?: ( chunk: Buffer, arrivedAt: bigint ) => void
): Promise< Timing > {
	const target = new URL( url );
	const start = process.hrtime.bigint();
	return new Promise( ( resolve, reject ) => {
		const req = http.request(
			{
				host: target.hostname,
				port: target.port,
				path: target.pathname,
				method: 'POST',
				agent,
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength( body ),
					...headers,
				},
			},
			( res ) => {
				const chunkNs: number[] = [];
				let firstContentNs = NaN;
				res.on( 'data', ( chunk: Buffer ) => {
					const arrivedAt = process.hrtime.bigint();
					onChunk?.( chunk, arrivedAt );
					const at = Number( arrivedAt - start );
					chunkNs.push( at );
					if (
						Number.isNaN( firstContentNs ) &&
						CONTENT.test( chunk.toString( 'latin1' ) )
					) {
						firstContentNs = at;
					}
				} );
				res.on( 'end', () =>
					resolve( {
						status: res.statusCode ?? 0,
						totalNs: Number( process.hrtime.bigint() - start ),
						chunkNs,
						firstContentNs,
					} )
				);
				res.on( 'error', reject );
			}
		);
		// Say which path failed: a bench run that stops should name the gateway that hung up.
		req.on( 'error', ( error: Error ) => {
			error.message = `${ error.message } (POST ${ url })`;
			reject( error );
		} );
		req.end( body );
	} );
}

export function percentile( values: readonly number[], p: number ): number {
	if ( values.length === 0 ) {
		return NaN;
	}
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	return sorted[
		Math.min(
			sorted.length - 1,
			Math.max( 0, Math.ceil( ( p / 100 ) * sorted.length ) - 1 )
		)
	] as number;
}

export function median( values: readonly number[] ): number {
	return percentile( values, 50 );
}

/**
 * `clients` loops for `durationMs`, each alternating request by request between `a` and `b`
 * (starting with a or b by turns), so both paths see the same machine state and the same
 * concurrency. Latencies of each, in nanoseconds.
 */
export async function closedLoopAlternating(
	clients: number,
	durationMs: number,
	a: () => Promise< Timing >,
	b: () => Promise< Timing >
): Promise< { a: number[]; b: number[] } > {
	const result = { a: [] as number[], b: [] as number[] };
	const end = Date.now() + durationMs;
	await Promise.all(
		Array.from( { length: clients }, async ( _, client ) => {
			for ( let i = client; Date.now() < end; i++ ) {
				const first = i % 2 === 0;
				for ( const [ send, into ] of first
					? ( [
							[ a, result.a ],
							[ b, result.b ],
						] as const )
					: ( [
							[ b, result.b ],
							[ a, result.a ],
						] as const ) ) {
					const timing = await send();
					if ( timing.status !== 200 ) {
						throw new Error( `status ${ timing.status }` );
					}
					into.push( timing.totalNs );
				}
			}
		} )
	);
	return result;
}

/** `clients` loops, each sending its next request when the previous answered, for `durationMs`. */
export async function closedLoop(
	clients: number,
	durationMs: number,
	send: () => Promise< Timing >
): Promise< number[] > {
	const latencies: number[] = [];
	const end = Date.now() + durationMs;
	await Promise.all(
		Array.from( { length: clients }, async () => {
			while ( Date.now() < end ) {
				const timing = await send();
				if ( timing.status !== 200 ) {
					throw new Error( `status ${ timing.status }` );
				}
				latencies.push( timing.totalNs );
			}
		} )
	);
	return latencies;
}
