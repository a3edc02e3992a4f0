import type { ChildProcess } from 'node:child_process';
import {
	BENCH_AUTH as auth,
	cpuSeconds,
	freePort,
	GATEWAY_CPU,
	keepOffGatewayCpu,
	oursEnv,
	pinned,
	startFakeUpstream,
	waitUntilServing,
} from './gateways';
import { agent, percentile, post, type Timing } from './load';
import { fmt } from './report';

/**
 * Two or more proxy builds (or the floor) side by side in one run, for an A/B of a hot-path change:
 *
 *   cp -r build-proxy /tmp/before      # before the change
 *   node --import tsx bench/proxy/compare-builds.ts bench/proxy/floor-proxy.mjs /tmp/before/server.mjs build-proxy/server.mjs
 *   node --import tsx bench/proxy/compare-builds.ts build-proxy/server.mjs '--single-threaded-gc build-proxy/server.mjs'
 *
 * Each build runs as ours does in bench/proxy/run.ts (pinned to the gateway CPU, provider openai on the
 * fake upstream); one client alternates request by request between the direct path and every build,
 * the order rotating, first with cache misses and then with streams. Prints CPU per request and the
 * added p50/p99 (total, or to the first content chunk for streams) per build.
 */
const ROUNDS = { json: 4_000, stream: 300 };

interface Build {
	file: string;
	child: ChildProcess;
	url: string;
}

/**
 * A build as the bench runs ours; the floor reads its own two variables from the same environment.
 * An argument may carry node flags before the file ("--single-threaded-gc build-proxy/server.mjs"),
 * to compare runtime settings of one build.
 */
async function start( file: string, fakeUrl: string ): Promise< Build > {
	const port = await freePort();
	const child = pinned( GATEWAY_CPU, file.split( ' ' ), {
		...oursEnv( fakeUrl, port ),
		FLOOR_UPSTREAM: fakeUrl,
		FLOOR_PORT: String( port ),
	} );
	child.stdout?.resume();
	const url = `http://127.0.0.1:${ port }/v1/chat/completions`;
	await waitUntilServing( () =>
		post( url, '{"messages":[{"role":"user","content":"up?"}]}', auth )
	);
	return { file, child, url };
}

async function main(): Promise< void > {
	const files = process.argv.slice( 2 );
	if ( files.length < 2 ) {
		throw new Error(
			'usage: compare-builds.ts <server.mjs> <server.mjs> …'
		);
	}
	keepOffGatewayCpu();
	const fake = await startFakeUpstream( 5 );
	const builds: Build[] = [];
	try {
		for ( const file of files ) {
			builds.push( await start( file, fake.url ) );
		}
		let counter = 0;
		const body = ( stream: boolean ) =>
			JSON.stringify( {
				stream,
				messages: [
					{ role: 'user', content: `Compare ${ counter++ }` },
				],
			} );
		for ( const mode of [ 'json', 'stream' ] as const ) {
			const stream = mode === 'stream';
			const pick = ( t: Timing ) =>
				stream ? t.firstContentNs : t.totalNs;
			const rounds = ROUNDS[ mode ];
			// Warm-up, not counted.
			for ( let i = 0; i < rounds / 4; i++ ) {
				for ( const b of builds ) {
					await post( b.url, body( stream ), auth );
				}
			}
			const direct: number[] = [];
			const times = builds.map( () => [] as number[] );
			const cpuBefore = builds.map( ( b ) =>
				cpuSeconds( b.child.pid ?? 0 )
			);
			for ( let n = 0; n < rounds; n++ ) {
				direct.push(
					pick(
						await post(
							`${ fake.url }/v1/chat/completions`,
							body( stream )
						)
					)
				);
				for ( let k = 0; k < builds.length; k++ ) {
					const i = ( n + k ) % builds.length;
					const b = builds[ i ] as Build;
					const t = await post( b.url, body( stream ), auth );
					if ( t.status !== 200 ) {
						throw new Error( `${ b.file } answered ${ t.status }` );
					}
					times[ i ]?.push( pick( t ) );
				}
			}
			const ms = ( ns: number ) => ns / 1e6;
			const added = ( values: number[], p: number ) =>
				ms( percentile( values, p ) - percentile( direct, p ) );
			console.log(
				`\n${ stream ? 'Streams, first content chunk' : 'Cache misses' }, 1 client, ${ rounds } each (direct p50 ${ fmt( ms( percentile( direct, 50 ) ), 3 ) } ms)\n`
			);
			console.log(
				'| build | CPU per request | added p50 | added p99 |'
			);
			console.log( '|---|---:|---:|---:|' );
			builds.forEach( ( b, i ) => {
				const cpu =
					( 1000 *
						( cpuSeconds( b.child.pid ?? 0 ) -
							( cpuBefore[ i ] as number ) ) ) /
					rounds;
				console.log(
					`| ${ b.file } | ${ fmt( cpu, 3 ) } ms | ${ fmt( added( times[ i ] ?? [], 50 ), 3 ) } ms | ${ fmt( added( times[ i ] ?? [], 99 ), 3 ) } ms |`
				);
			} );
		}
	} finally {
		for ( const b of builds ) {
			b.child.kill( 'SIGTERM' );
		}
		fake.child.kill( 'SIGTERM' );
		agent.destroy();
	}
}

main().catch( ( error: unknown ) => {
	console.error( error );
	process.exit( 1 );
} );
