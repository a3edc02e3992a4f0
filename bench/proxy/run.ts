import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { agent, closedLoop, median, percentile, post } from './load';

/**
 * The proxy's overhead, throughput and memory, printed as a markdown table.
 *
 *   node --import tsx bench/proxy/run.ts            full run (about 2–3 minutes)
 *   node --import tsx bench/proxy/run.ts --quick    about 30 seconds
 *
 * The proxy runs as `npm run proxy` would (tsx proxy/server.ts, provider openai, default logging),
 * pinned to CPU 0 with taskset; the fake upstream (its own process) and this load generator share
 * the other CPU. "Added" numbers compare the same request sent straight to the fake upstream and
 * through the proxy, alternated in one run so both see the same machine state.
 */
const QUICK = process.argv.includes( '--quick' );
const ROOT = path.resolve( __dirname, '../..' );
const CPUS = os.cpus().length;
const PROXY_CPU = '0';
const LOAD_CPU = CPUS > 1 ? '1' : '0';
const CHUNK_DELAY_MS = 5;

const ms = ( ns: number ) => ns / 1e6;
const fmt = ( value: number, digits = 2 ) =>
	Number.isFinite( value ) ? value.toFixed( digits ) : 'n/a';

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
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv
): ChildProcess {
	return spawn( 'taskset', [ '-c', cpu, command, ...args ], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		stdio: [ 'ignore', 'pipe', 'inherit' ],
	} );
}

async function firstLine( child: ChildProcess ): Promise< string > {
	return new Promise( ( resolve, reject ) => {
		let text = '';
		child.stdout?.on( 'data', ( chunk: Buffer ) => {
			text += chunk.toString();
			const newline = text.indexOf( '\n' );
			if ( newline !== -1 ) {
				resolve( text.slice( 0, newline ).trim() );
			}
		} );
		child.once( 'exit', ( code ) =>
			reject( new Error( `exited with ${ code }` ) )
		);
	} );
}

async function waitForHealth( url: string ): Promise< void > {
	for ( let i = 0; i < 200; i++ ) {
		try {
			if ( ( await fetch( `${ url }/healthz` ) ).ok ) {
				return;
			}
		} catch {
			// Not listening yet.
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
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
	const kb = Number( /VmRSS:\s+(\d+)/.exec( status )?.[ 1 ] ?? NaN );
	return kb / 1024;
}

/** The proxy is run by tsx as `npm run proxy` runs it: find the node process that actually serves. */
function serverPid( root: number ): number {
	const children = ( pid: number ): number[] => {
		try {
			return readFileSync(
				`/proc/${ pid }/task/${ pid }/children`,
				'utf8'
			)
				.trim()
				.split( /\s+/ )
				.filter( Boolean )
				.map( Number );
		} catch {
			return [];
		}
	};
	let candidate = root;
	for ( let depth = 0; depth < 4; depth++ ) {
		const next = children( candidate ).find( ( pid ) =>
			readFileSync( `/proc/${ pid }/cmdline`, 'utf8' ).includes(
				'server.ts'
			)
		);
		if ( ! next ) {
			break;
		}
		candidate = next;
	}
	return candidate;
}

async function main(): Promise< void > {
	// This process (the load generator) stays off the proxy's CPU.
	spawnSync( 'taskset', [
		'-a',
		'-p',
		'-c',
		LOAD_CPU,
		String( process.pid ),
	] );
	const fakeProcess = pinned(
		LOAD_CPU,
		process.execPath,
		[ '--import', 'tsx', 'bench/proxy/fake-server.ts' ],
		{ FAKE_CHUNK_DELAY_MS: String( CHUNK_DELAY_MS ) }
	);
	const fakeUrl = await firstLine( fakeProcess );
	const proxyPort = await freePort();
	const proxyProcess = pinned(
		PROXY_CPU,
		process.execPath,
		[ '--import', 'tsx', 'proxy/server.ts' ],
		{
			MPCC_PROXY_PORT: String( proxyPort ),
			MPCC_LOG_LEVEL: 'info',
			MPCC_LLM_PROVIDER: 'openai',
			MPCC_LLM_MODEL: 'bench-model',
			MPCC_LLM_BASE_URL: `${ fakeUrl }/v1`,
			OPENAI_API_KEY: 'sk-bench',
			MPCC_PROXY_TOKEN: 'bench-token',
			MPCC_RATE_LIMIT_MAX: '1000000000',
			MPCC_REDIS_URL: '',
		}
	);
	proxyProcess.stdout?.resume();
	const proxyUrl = `http://127.0.0.1:${ proxyPort }`;
	const rows: Array< [ string, string, string ] > = [];
	const stopAll = () => {
		proxyProcess.kill( 'SIGTERM' );
		fakeProcess.kill( 'SIGTERM' );
		agent.destroy();
	};

	try {
		await waitForHealth( proxyUrl );
		const pid = serverPid( proxyProcess.pid ?? 0 );
		await new Promise( ( resolve ) => setTimeout( resolve, 500 ) );
		const idleRss = rssMb( pid );

		const auth = { authorization: 'Bearer bench-token' };
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

		// Warm-up: JIT, sockets, caches.
		await closedLoop( 8, QUICK ? 1_000 : 2_000, () =>
			viaProxy( chatBody() )
		);
		await closedLoop( 8, 500, () => direct( chatBody() ) );

		// 1 client, alternating direct / proxy.
		const pairs = QUICK ? 1_000 : 3_000;
		const d1: number[] = [];
		const p1: number[] = [];
		for ( let i = 0; i < pairs; i++ ) {
			d1.push( ( await direct( chatBody() ) ).totalNs );
			p1.push( ( await viaProxy( chatBody() ) ).totalNs );
		}
		const added1p50 = ms( median( p1 ) - median( d1 ) );
		const added1p99 = ms( percentile( p1, 99 ) - percentile( d1, 99 ) );
		rows.push( [
			'Added latency, 1 client, p50',
			`${ fmt( added1p50, 3 ) } ms (direct ${ fmt( ms( median( d1 ) ), 3 ) }, proxy ${ fmt( ms( median( p1 ) ), 3 ) })`,
			'≤ 0.5 ms',
		] );
		rows.push( [
			'Added latency, 1 client, p99',
			`${ fmt( added1p99, 3 ) } ms (direct ${ fmt( ms( percentile( d1, 99 ) ), 3 ) }, proxy ${ fmt( ms( percentile( p1, 99 ) ), 3 ) })`,
			'≤ 1.5 ms',
		] );

		// 16 and 64 clients: alternating rounds of equal length.
		for ( const clients of [ 16, 64 ] ) {
			const rounds = QUICK ? 2 : 3;
			const seconds = QUICK ? 1_000 : 2_000;
			const dAll: number[] = [];
			const pAll: number[] = [];
			for ( let r = 0; r < rounds; r++ ) {
				dAll.push(
					...( await closedLoop( clients, seconds, () =>
						direct( chatBody() )
					) )
				);
				pAll.push(
					...( await closedLoop( clients, seconds, () =>
						viaProxy( chatBody() )
					) )
				);
			}
			const added = ms( percentile( pAll, 99 ) - percentile( dAll, 99 ) );
			rows.push( [
				`Added latency, ${ clients } clients, p99`,
				`${ fmt( added ) } ms (direct ${ fmt( ms( percentile( dAll, 99 ) ) ) }, proxy ${ fmt( ms( percentile( pAll, 99 ) ) ) })`,
				clients === 16 ? '≤ 3 ms' : '—',
			] );
		}

		// Streaming: time to first content chunk and the gap between chunks, direct vs proxy.
		const streamPairs = QUICK ? 40 : 120;
		const firstDirect: number[] = [];
		const firstProxy: number[] = [];
		const gapDirect: number[] = [];
		const gapProxy: number[] = [];
		const gaps = ( chunkNs: number[] ) =>
			chunkNs
				.slice( 2 )
				.map( ( t, i ) => t - ( chunkNs[ i + 1 ] as number ) );
		for ( let i = 0; i < streamPairs; i++ ) {
			const a = await direct( chatBody( true ) );
			const b = await viaProxy( chatBody( true ) );
			// Chunk 0 carries the role; chunk 1 is the first content token in both.
			firstDirect.push( a.chunkNs[ 1 ] ?? NaN );
			firstProxy.push( b.chunkNs[ 1 ] ?? NaN );
			gapDirect.push( ...gaps( a.chunkNs ) );
			gapProxy.push( ...gaps( b.chunkNs ) );
		}
		rows.push( [
			'Streaming: added time to first token, p50',
			`${ fmt( ms( median( firstProxy ) - median( firstDirect ) ), 3 ) } ms`,
			'≤ 1 ms',
		] );
		rows.push( [
			'Streaming: added gap between chunks, p50 / p99',
			`${ fmt( ms( median( gapProxy ) - median( gapDirect ) ), 3 ) } / ${ fmt( ms( percentile( gapProxy, 99 ) - percentile( gapDirect, 99 ) ), 3 ) } ms (upstream gap ${ CHUNK_DELAY_MS } ms)`,
			'—',
		] );

		// Throughput on one core: misses (each request unique → upstream) and hits (one request, cached).
		const duration = QUICK ? 3 : 8;
		let missCounter = 0;
		let cpuBefore = cpuSeconds( pid );
		const misses = await autocannon( {
			url: `${ proxyUrl }/v1/chat/completions`,
			connections: 64,
			duration,
			method: 'POST',
			headers: { ...auth, 'content-type': 'application/json' },
			requests: [
				{
					setupRequest: ( req ) => ( {
						...req,
						body: JSON.stringify( {
							model: 'x',
							messages: [
								{
									role: 'user',
									content: `miss ${ missCounter++ }`,
								},
							],
						} ),
					} ),
				},
			],
		} );
		const missCpu = cpuSeconds( pid ) - cpuBefore;
		const hitBody = JSON.stringify( {
			model: 'x',
			messages: [ { role: 'user', content: 'the same every time' } ],
		} );
		await viaProxy( hitBody );
		cpuBefore = cpuSeconds( pid );
		const hits = await autocannon( {
			url: `${ proxyUrl }/v1/chat/completions`,
			connections: 64,
			duration,
			method: 'POST',
			headers: { ...auth, 'content-type': 'application/json' },
			body: hitBody,
		} );
		const hitCpu = cpuSeconds( pid ) - cpuBefore;
		// With two CPUs the load generator and the fake upstream share one and may saturate first; the
		// proxy's own capacity is what it served per CPU-second it used.
		const capacity = ( total: number, cpu: number ) =>
			`capacity ${ Math.round( total / cpu ).toLocaleString( 'en-US' ) } req per proxy CPU-second; proxy CPU ${ Math.round( ( 100 * cpu ) / duration ) }% busy`;
		rows.push( [
			'Throughput, proxy on 1 core, cache misses',
			`${ Math.round( misses.requests.average ).toLocaleString( 'en-US' ) } req/s measured (${ misses.non2xx } non-2xx); ${ capacity( misses.requests.total, missCpu ) }`,
			'≥ 3,000 req/s',
		] );
		rows.push( [
			'Throughput, proxy on 1 core, cache hits',
			`${ Math.round( hits.requests.average ).toLocaleString( 'en-US' ) } req/s measured (${ hits.non2xx } non-2xx); ${ capacity( hits.requests.total, hitCpu ) }`,
			'≥ 10,000 req/s',
		] );

		// Memory: idle, then growth over a soak of mixed traffic (misses, hits, streams), fitted per minute.
		rows.push( [
			'RSS idle after start, as `npm run proxy` runs it (tsx; tsx alone is ~71 MB)',
			`${ fmt( idleRss, 1 ) } MB`,
			'≤ 60 MB',
		] );
		const soakMs = QUICK ? 10_000 : 60_000;
		const samples: Array< [ number, number ] > = [];
		const soakStart = Date.now();
		const sampler = setInterval(
			() =>
				samples.push( [
					( Date.now() - soakStart ) / 60_000,
					rssMb( pid ),
				] ),
			500
		);
		let i = 0;
		await closedLoop( 8, soakMs, () => {
			i++;
			if ( i % 3 === 0 ) {
				return viaProxy( hitBody );
			}
			return viaProxy( chatBody( i % 3 === 1 ) );
		} );
		clearInterval( sampler );
		// Least-squares slope over the second half (the first half includes warm-up of caches and JIT).
		const tail = samples.slice( Math.floor( samples.length / 2 ) );
		const mx = tail.reduce( ( s, [ x ] ) => s + x, 0 ) / tail.length;
		const my = tail.reduce( ( s, [ , y ] ) => s + y, 0 ) / tail.length;
		const slope =
			tail.reduce( ( s, [ x, y ] ) => s + ( x - mx ) * ( y - my ), 0 ) /
			tail.reduce( ( s, [ x ] ) => s + ( x - mx ) ** 2, 0 );
		const last = samples.at( -1 )?.[ 1 ] ?? NaN;
		rows.push( [
			`RSS growth over a ${ soakMs / 1000 } s soak (${ i.toLocaleString( 'en-US' ) } requests)`,
			`${ fmt( slope, 2 ) } MB/min (end ${ fmt( last, 1 ) } MB)`,
			'≤ 0.5 MB/min',
		] );
	} finally {
		stopAll();
	}

	console.log(
		`Proxy overhead (${ QUICK ? 'quick run' : 'full run' }; Node ${ process.version }, ${ CPUS } CPUs, proxy pinned to CPU ${ PROXY_CPU }; load average at the end ${ os
			.loadavg()
			.map( ( l ) => l.toFixed( 1 ) )
			.join( ' ' ) })\n`
	);
	console.log( '| measurement | result | target |' );
	console.log( '|---|---|---|' );
	for ( const [ name, result, target ] of rows ) {
		console.log( `| ${ name } | ${ result } | ${ target } |` );
	}
}

void main();
