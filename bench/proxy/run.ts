import {
	spawn,
	spawnSync,
	type ChildProcess,
	type SpawnOptions,
} from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import autocannon from 'autocannon';
import {
	agent,
	closedLoop,
	closedLoopAlternating,
	median,
	percentile,
	post,
	type Timing,
} from './load';

/**
 * The proxy's overhead, throughput and memory, printed as a markdown table.
 *
 *   node --import tsx bench/proxy/run.ts            full run (about 3 minutes)
 *   node --import tsx bench/proxy/run.ts --quick    about 45 seconds
 *
 * Three processes: the proxy as `npm run proxy` runs it (plain JavaScript, build-proxy/server.mjs,
 * built first when stale; provider openai, default logging) pinned to CPU 0; the fake upstream
 * (its own process) and this process, the load generator, share CPU 1. "Added" numbers compare
 * the same request sent straight to the fake upstream and through the proxy, alternated request
 * by request (and which goes first, by turns) in one run, after a warm-up that is not counted.
 * The proxy also loads bench/proxy/memory-probe.mjs (with --expose-gc) so memory can be read after
 * a forced GC; the probe does nothing until the benchmark signals it.
 */
const QUICK = process.argv.includes( '--quick' );
const ROOT = path.resolve( __dirname, '../..' );
const CPUS = os.cpus().length;
const PROXY_CPU = '0';
const LOAD_CPU = CPUS > 1 ? '1' : '0';
const CHUNK_DELAY_MS = 5;
const TOKEN = 'bench-token';

const ms = ( ns: number ) => ns / 1e6;
const mb = ( bytes: number ) => bytes / 1048576;
const fmt = ( value: number, digits = 2 ) =>
	Number.isFinite( value ) ? value.toFixed( digits ) : 'n/a';
const loadAverage = () =>
	os
		.loadavg()
		.map( ( l ) => l.toFixed( 1 ) )
		.join( ' ' );
const sleep = ( msToWait: number ) =>
	new Promise( ( resolve ) => setTimeout( resolve, msToWait ) );

async function freePort(): Promise< number > {
	return new Promise( ( resolve ) => {
		const server = net.createServer().listen( 0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close( () => resolve( port ) );
		} );
	} );
}

function pinned(
	cpu: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	stdio: SpawnOptions[ 'stdio' ] = [ 'ignore', 'pipe', 'inherit' ]
): ChildProcess {
	// taskset execs node: the child's pid is the node process itself.
	return spawn( 'taskset', [ '-c', cpu, process.execPath, ...args ], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		stdio,
	} );
}

async function firstLine( stream: Readable ): Promise< string > {
	return new Promise( ( resolve, reject ) => {
		let text = '';
		const onData = ( chunk: Buffer ) => {
			text += chunk.toString();
			const newline = text.indexOf( '\n' );
			if ( newline !== -1 ) {
				stream.off( 'data', onData );
				resolve( text.slice( 0, newline ).trim() );
			}
		};
		stream.on( 'data', onData );
		stream.once( 'close', () => reject( new Error( 'stream closed' ) ) );
	} );
}

async function waitForHealth( url: string ): Promise< void > {
	for ( let i = 0; i < 400; i++ ) {
		try {
			if ( ( await fetch( `${ url }/healthz` ) ).ok ) {
				return;
			}
		} catch {
			// Not listening yet.
		}
		await sleep( 25 );
	}
	throw new Error( 'proxy did not come up' );
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds( pid: number ): number {
	const fields =
		readFileSync( `/proc/${ pid }/stat`, 'utf8' )
			.split( ') ' )[ 1 ]
			?.split( ' ' ) ?? [];
	return ( Number( fields[ 11 ] ) + Number( fields[ 12 ] ) ) / 100;
}

function rssMb( pid: number ): number {
	const status = readFileSync( `/proc/${ pid }/status`, 'utf8' );
	return Number( /VmRSS:\s+(\d+)/.exec( status )?.[ 1 ] ?? NaN ) / 1024;
}

interface MemoryReading {
	rssBeforeGc: number;
	rss: number;
	heapUsed: number;
	heapTotal: number;
	external: number;
}

/** Least-squares slope of y over x. */
function slope( points: Array< [ number, number ] > ): number {
	const mx = points.reduce( ( s, [ x ] ) => s + x, 0 ) / points.length;
	const my = points.reduce( ( s, [ , y ] ) => s + y, 0 ) / points.length;
	return (
		points.reduce( ( s, [ x, y ] ) => s + ( x - mx ) * ( y - my ), 0 ) /
		points.reduce( ( s, [ x ] ) => s + ( x - mx ) ** 2, 0 )
	);
}

async function main(): Promise< void > {
	const loadAtStart = loadAverage();
	// This process (the load generator) stays off the proxy's CPU.
	spawnSync( 'taskset', [
		'-a',
		'-p',
		'-c',
		LOAD_CPU,
		String( process.pid ),
	] );
	// The proxy runs as npm run proxy runs it: the built JavaScript, rebuilt first if a source changed.
	const build = spawnSync( process.execPath, [ 'scripts/proxy/build.mjs' ], {
		cwd: ROOT,
		stdio: 'inherit',
	} );
	if ( build.status !== 0 ) {
		throw new Error( 'building the proxy failed' );
	}
	const fakeProcess = pinned(
		LOAD_CPU,
		[ '--import', 'tsx', 'bench/proxy/fake-server.ts' ],
		{ FAKE_CHUNK_DELAY_MS: String( CHUNK_DELAY_MS ) }
	);
	const fakeUrl = await firstLine( fakeProcess.stdout as Readable );
	const proxyPort = await freePort();
	const proxyProcess = pinned(
		PROXY_CPU,
		[
			'--expose-gc',
			'--import',
			'./bench/proxy/memory-probe.mjs',
			'build-proxy/server.mjs',
		],
		{
			MPCC_PROXY_PORT: String( proxyPort ),
			MPCC_LOG_LEVEL: 'info',
			MPCC_LLM_PROVIDER: 'openai',
			MPCC_LLM_MODEL: 'bench-model',
			MPCC_LLM_BASE_URL: `${ fakeUrl }/v1`,
			OPENAI_API_KEY: 'sk-bench',
			MPCC_PROXY_TOKEN: TOKEN,
			MPCC_RATE_LIMIT_MAX: '1000000000',
			MPCC_REDIS_URL: '',
		},
		[ 'ignore', 'pipe', 'inherit', 'pipe' ]
	);
	proxyProcess.stdout?.resume();
	// The floor: a bare node:http forwarder on the proxy's CPU (bench/proxy/floor-proxy.mjs).
	const floorPort = await freePort();
	const floorProcess = pinned( PROXY_CPU, [ 'bench/proxy/floor-proxy.mjs' ], {
		FLOOR_UPSTREAM: fakeUrl,
		FLOOR_PORT: String( floorPort ),
	} );
	await firstLine( floorProcess.stdout as Readable );
	const probe = proxyProcess.stdio[ 3 ] as Readable;
	const pid = proxyProcess.pid ?? 0;
	/** Full GC in the proxy, then its memory (the probe answers on fd 3). */
	const memory = async (): Promise< MemoryReading > => {
		const line = firstLine( probe );
		process.kill( pid, 'SIGUSR2' );
		const reading = JSON.parse( await line ) as Record< string, number >;
		return {
			rssBeforeGc: mb( reading.rssBeforeGc ?? NaN ),
			rss: mb( reading.rss ?? NaN ),
			heapUsed: mb( reading.heapUsed ?? NaN ),
			heapTotal: mb( reading.heapTotal ?? NaN ),
			external: mb( reading.external ?? NaN ),
		};
	};
	const proxyUrl = `http://127.0.0.1:${ proxyPort }`;
	const rows: Array< [ string, string, string ] > = [];
	const stopAll = () => {
		proxyProcess.kill( 'SIGTERM' );
		floorProcess.kill( 'SIGTERM' );
		fakeProcess.kill( 'SIGTERM' );
		agent.destroy();
	};

	try {
		await waitForHealth( proxyUrl );
		// Idle: one second after start, and after 12 s without traffic, by which time V8's memory reducer
		// has shrunk the heap it grew while loading (it starts after ~8 s of low allocation).
		await sleep( 1000 );
		const started = await memory();
		await sleep( 11_000 );
		const idle = await memory();

		const auth = { authorization: `Bearer ${ TOKEN }` };
		let counter = 0;
		// Every request unique, so every proxy request is a cache miss that goes upstream.
		const chatBody = ( stream = false ) =>
			JSON.stringify( {
				model: 'x',
				stream,
				messages: [
					{
						role: 'user',
						content: `Benchmark message ${ counter++ }`,
					},
				],
			} );
		const direct = ( body: string ) =>
			post( `${ fakeUrl }/v1/chat/completions`, body );
		const viaProxy = ( body: string ) =>
			post( `${ proxyUrl }/v1/chat/completions`, body, auth );
		const viaFloor = ( body: string ) =>
			post( `http://127.0.0.1:${ floorPort }/v1/chat/completions`, body );
		const hitBody = JSON.stringify( {
			model: 'x',
			messages: [ { role: 'user', content: 'the same every time' } ],
		} );
		const taskBody = () =>
			JSON.stringify( {
				message: `A course about sourdough bread, take ${ counter++ }`,
				history: [],
				conversation_state: 'initial',
			} );

		// Warm-up, not counted: JIT, sockets, both paths, streams, hits, a task route.
		await closedLoopAlternating(
			8,
			QUICK ? 1_500 : 3_000,
			() => direct( chatBody() ),
			() => viaProxy( chatBody() )
		);
		for ( let i = 0; i < 20; i++ ) {
			await direct( chatBody( true ) );
			await viaProxy( chatBody( true ) );
			await viaProxy( hitBody );
			await post(
				`${ proxyUrl }/v1/tasks/course-turn`,
				taskBody(),
				auth
			);
		}

		// 1 client: direct, proxy and the bare forwarder alternated request by request, in rotating order.
		const pairs = QUICK ? 1_000 : 4_000;
		const d1: number[] = [];
		const p1: number[] = [];
		const f1: number[] = [];
		const paths: Array<
			[ ( body: string ) => Promise< Timing >, number[] ]
		> = [
			[ direct, d1 ],
			[ viaProxy, p1 ],
			[ viaFloor, f1 ],
		];
		for ( let n = 0; n < 200; n++ ) {
			await viaFloor( chatBody() );
		}
		// The proxy is idle while the other two paths run: its CPU time over the loop is its cost per request.
		const cpuBefore1 = cpuSeconds( pid );
		for ( let n = 0; n < pairs; n++ ) {
			for ( let k = 0; k < paths.length; k++ ) {
				const [ send, into ] = paths[
					( n + k ) % paths.length
				] as ( typeof paths )[ number ];
				into.push( ( await send( chatBody() ) ).totalNs );
			}
		}
		const proxyCpu = cpuSeconds( pid ) - cpuBefore1;
		rows.push( [
			'Added latency, 1 client, p50',
			`${ fmt( ms( median( p1 ) - median( d1 ) ), 3 ) } ms (direct ${ fmt( ms( median( d1 ) ), 3 ) }, proxy ${ fmt( ms( median( p1 ) ), 3 ) }; proxy CPU ${ fmt( ( 1000 * proxyCpu ) / pairs, 3 ) } ms per request)`,
			'≤ 0.5 ms',
		] );
		rows.push( [
			'Added latency, 1 client, p99',
			`${ fmt( ms( percentile( p1, 99 ) - percentile( d1, 99 ) ), 3 ) } ms (direct ${ fmt( ms( percentile( d1, 99 ) ), 3 ) }, proxy ${ fmt( ms( percentile( p1, 99 ) ), 3 ) })`,
			'≤ 1.5 ms',
		] );
		rows.push( [
			'Floor: a bare node:http forwarder (no parsing, cache or checks), 1 client, added p50 / p99',
			`${ fmt( ms( median( f1 ) - median( d1 ) ), 3 ) } / ${ fmt( ms( percentile( f1, 99 ) - percentile( d1, 99 ) ), 3 ) } ms (the second hop on this machine)`,
			'—',
		] );

		// 16 and 64 clients: every client alternates direct and proxy request by request.
		for ( const clients of [ 16, 64 ] ) {
			await closedLoopAlternating(
				clients,
				300,
				() => direct( chatBody() ),
				() => viaProxy( chatBody() )
			);
			const { a: dAll, b: pAll } = await closedLoopAlternating(
				clients,
				QUICK ? 3_000 : 8_000,
				() => direct( chatBody() ),
				() => viaProxy( chatBody() )
			);
			rows.push( [
				`Added latency, ${ clients } clients, p99`,
				`${ fmt( ms( percentile( pAll, 99 ) - percentile( dAll, 99 ) ) ) } ms (direct ${ fmt( ms( percentile( dAll, 99 ) ) ) }, proxy ${ fmt( ms( percentile( pAll, 99 ) ) ) }; p50 added ${ fmt( ms( median( pAll ) - median( dAll ) ), 3 ) } ms)`,
				clients === 16 ? '≤ 3 ms' : '—',
			] );
		}

		// Streaming: time to the first content chunk and the gap between chunks, direct vs proxy.
		const streamPairs = QUICK ? 60 : 200;
		const firstDirect: number[] = [];
		const firstProxy: number[] = [];
		const gapDirect: number[] = [];
		const gapProxy: number[] = [];
		const gaps = ( chunkNs: number[] ) =>
			chunkNs
				.slice( 2 )
				.map( ( t, i ) => t - ( chunkNs[ i + 1 ] as number ) );
		const record = (
			timing: Timing,
			first: number[],
			gap: number[]
		): void => {
			// Chunk 0 carries the headers and the role; chunk 1 is the first content token in both.
			first.push( timing.chunkNs[ 1 ] ?? NaN );
			gap.push( ...gaps( timing.chunkNs ) );
		};
		for ( let i = 0; i < streamPairs; i++ ) {
			if ( i % 2 ) {
				record(
					await direct( chatBody( true ) ),
					firstDirect,
					gapDirect
				);
				record(
					await viaProxy( chatBody( true ) ),
					firstProxy,
					gapProxy
				);
			} else {
				record(
					await viaProxy( chatBody( true ) ),
					firstProxy,
					gapProxy
				);
				record(
					await direct( chatBody( true ) ),
					firstDirect,
					gapDirect
				);
			}
		}
		rows.push( [
			'Streaming: added time to first token, p50',
			`${ fmt( ms( median( firstProxy ) - median( firstDirect ) ), 3 ) } ms (direct ${ fmt( ms( median( firstDirect ) ), 3 ) }, proxy ${ fmt( ms( median( firstProxy ) ), 3 ) })`,
			'≤ 1 ms',
		] );
		rows.push( [
			'Streaming: added gap between chunks, p50 / p99',
			`${ fmt( ms( median( gapProxy ) - median( gapDirect ) ), 3 ) } / ${ fmt( ms( percentile( gapProxy, 99 ) - percentile( gapDirect, 99 ) ), 3 ) } ms (upstream gap ${ CHUNK_DELAY_MS } ms)`,
			'—',
		] );

		// Throughput on one core: misses (each request unique → upstream) and hits (one request, cached).
		const duration = QUICK ? 3 : 8;
		const throughput = async (
			route: string,
			body: () => string
		): Promise< {
			rate: number;
			non2xx: number;
			capacity: number;
			busy: number;
		} > => {
			const cpuBefore = cpuSeconds( pid );
			const result = await autocannon( {
				url: `${ proxyUrl }${ route }`,
				connections: 64,
				duration,
				method: 'POST',
				headers: { ...auth, 'content-type': 'application/json' },
				requests: [
					{ setupRequest: ( req ) => ( { ...req, body: body() } ) },
				],
			} );
			const cpu = cpuSeconds( pid ) - cpuBefore;
			return {
				rate: result.requests.average,
				non2xx: result.non2xx + result.errors,
				capacity: result.requests.total / cpu,
				busy: cpu / duration,
			};
		};
		// With two CPUs the load generator and the fake upstream share one and saturate it first; the
		// proxy's own capacity is what it served per CPU-second it used.
		const describe = ( t: Awaited< ReturnType< typeof throughput > > ) =>
			`${ Math.round( t.rate ).toLocaleString( 'en-US' ) } req/s measured (${ t.non2xx } failed); capacity ${ Math.round( t.capacity ).toLocaleString( 'en-US' ) } req per proxy CPU-second (proxy CPU ${ Math.round( 100 * t.busy ) }% busy)`;
		const misses = await throughput( '/v1/chat/completions', () =>
			chatBody()
		);
		rows.push( [
			'Throughput, proxy on 1 core, cache misses',
			describe( misses ),
			'≥ 3,000 req/s',
		] );
		await viaProxy( hitBody );
		const hits = await throughput( '/v1/chat/completions', () => hitBody );
		rows.push( [
			'Throughput, proxy on 1 core, cache hits',
			describe( hits ),
			'≥ 10,000 req/s',
		] );
		const tasks = await throughput( '/v1/tasks/course-turn', taskBody );
		rows.push( [
			'Throughput, task route (course-turn through the AI SDK), cache misses',
			describe( tasks ),
			'—',
		] );

		// Memory: idle after start + GC, then a soak of mixed traffic (misses, hits, streams) after a
		// warm-up: RSS sampled each second with a linear fit, and the heap retained after a forced GC.
		rows.push( [
			'RSS idle: 12 s after start without traffic, then a forced GC (node build-proxy/server.mjs)',
			`${ fmt( idle.rss, 1 ) } MB (before the GC ${ fmt( idle.rssBeforeGc, 1 ) } MB; heap used ${ fmt( idle.heapUsed, 1 ) } of ${ fmt( idle.heapTotal, 1 ) } MB. One second after start: ${ fmt( started.rssBeforeGc, 1 ) } MB, ${ fmt( started.rss, 1 ) } MB after a GC)`,
			'≤ 60 MB',
		] );
		let i = 0;
		const mixed = () => {
			i++;
			if ( i % 3 === 0 ) {
				return viaProxy( hitBody );
			}
			return viaProxy( chatBody( i % 3 === 1 ) );
		};
		await closedLoop( 8, QUICK ? 5_000 : 20_000, mixed );
		const before = await memory();
		const soakMs = QUICK ? 20_000 : 60_000;
		const samples: Array< [ number, number ] > = [];
		const soakStart = Date.now();
		const sampler = setInterval(
			() =>
				samples.push( [
					( Date.now() - soakStart ) / 60_000,
					rssMb( pid ),
				] ),
			1000
		);
		i = 0;
		await closedLoop( 8, soakMs, mixed );
		clearInterval( sampler );
		const after = await memory();
		const minutes = ( Date.now() - soakStart ) / 60_000;
		rows.push( [
			`RSS growth over a ${ soakMs / 1000 } s soak after warm-up (${ i.toLocaleString( 'en-US' ) } requests: misses, hits, streams)`,
			`${ fmt( slope( samples ), 2 ) } MB/min (linear fit of ${ samples.length } samples; RSS ${ fmt( samples[ 0 ]?.[ 1 ] ?? NaN, 1 ) } → ${ fmt( samples.at( -1 )?.[ 1 ] ?? NaN, 1 ) } MB)`,
			'≤ 0.5 MB/min',
		] );
		rows.push( [
			'Heap retained after forced GC, soak start → end',
			`${ fmt( before.heapUsed, 2 ) } → ${ fmt( after.heapUsed, 2 ) } MB (${ fmt( ( after.heapUsed - before.heapUsed ) / minutes, 2 ) } MB/min); V8 heap committed ${ fmt( before.heapTotal, 1 ) } → ${ fmt( after.heapTotal, 1 ) } MB; external ${ fmt( before.external, 2 ) } → ${ fmt( after.external, 2 ) } MB; RSS after GC ${ fmt( before.rss, 1 ) } → ${ fmt( after.rss, 1 ) } MB`,
			'—',
		] );
	} finally {
		stopAll();
	}

	console.log(
		`Proxy overhead (${ QUICK ? 'quick run' : 'full run' }; Node ${ process.version }, ${ CPUS } CPUs, proxy pinned to CPU ${ PROXY_CPU }, fake upstream + load generator on CPU ${ LOAD_CPU }; load average at start ${ loadAtStart }, at end ${ loadAverage() })\n`
	);
	console.log( '| measurement | result | target |' );
	console.log( '|---|---|---|' );
	for ( const [ name, result, target ] of rows ) {
		console.log( `| ${ name } | ${ result } | ${ target } |` );
	}
}

main().catch( ( error: unknown ) => {
	console.error( error );
	process.exit( 1 );
} );
