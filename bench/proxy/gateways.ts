import {
	spawn,
	spawnSync,
	type ChildProcess,
	type SpawnOptions,
} from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { post, type Timing } from './load';

/**
 * The processes the proxy benchmark runs: the fake upstream, and three gateways in front of it, each
 * pinned to the gateway CPU with `taskset` and loaded with bench/proxy/memory-probe.mjs (memory after
 * a forced GC, read on demand): ours (build-proxy/server.mjs as `npm run proxy` runs it), the floor
 * (bench/proxy/floor-proxy.mjs, a bare node:http forwarder) and the peer (Portkey's open-source
 * gateway, installed on demand into bench/peer-gateway with `npm ci --prefix`).
 */
export const ROOT = path.resolve( __dirname, '../..' );
export const CPUS = os.cpus().length;
export const GATEWAY_CPU = '0';
export const LOAD_CPU = CPUS > 1 ? '1' : '0';
export const BENCH_TOKEN = 'bench-token';
export const BENCH_AUTH = { authorization: `Bearer ${ BENCH_TOKEN }` };
const PEER_DIR = path.join( ROOT, 'bench/peer-gateway' );
const PEER_SERVER = path.join(
	PEER_DIR,
	'node_modules/@portkey-ai/gateway/build/start-server.js'
);

export interface MemoryReading {
	rssBeforeGc: number;
	rss: number;
	heapUsed: number;
	heapTotal: number;
	external: number;
}

export interface Gateway {
	name: string;
	pid: number;
	url: string;
	/** POSTs a chat completion body through this gateway. */
	chat: (
		body: string,
		extra?: Record< string, string >
	) => Promise< Timing >;
	/** Headers that make a repeated request a cache hit (null: the gateway has no cache). */
	hitHeaders: Record< string, string > | null;
	headers: Record< string, string >;
	memory: () => Promise< MemoryReading >;
	process: ChildProcess;
}

export const sleep = ( msToWait: number ) =>
	new Promise( ( resolve ) => setTimeout( resolve, msToWait ) );

export async function freePort(): Promise< number > {
	return new Promise( ( resolve ) => {
		const server = net.createServer().listen( 0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close( () => resolve( port ) );
		} );
	} );
}

export function pinned(
	cpu: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	stdio: SpawnOptions[ 'stdio' ] = [ 'ignore', 'pipe', 'inherit' ],
	cwd = ROOT
): ChildProcess {
	// taskset execs node: the child's pid is the node process itself.
	return spawn( 'taskset', [ '-c', cpu, process.execPath, ...args ], {
		cwd,
		env: { ...process.env, ...env },
		stdio,
	} );
}

export async function firstLine( stream: Readable ): Promise< string > {
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

export async function waitUntilServing( send: () => Promise< Timing > ) {
	for ( let i = 0; i < 400; i++ ) {
		try {
			if ( ( await send() ).status === 200 ) {
				return;
			}
		} catch {
			// Not listening yet.
		}
		await sleep( 25 );
	}
	throw new Error( 'a gateway did not come up' );
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds( pid: number ): number {
	const fields =
		readFileSync( `/proc/${ pid }/stat`, 'utf8' )
			.split( ') ' )[ 1 ]
			?.split( ' ' ) ?? [];
	return ( Number( fields[ 11 ] ) + Number( fields[ 12 ] ) ) / 100;
}

export function rssMb( pid: number ): number {
	const status = readFileSync( `/proc/${ pid }/status`, 'utf8' );
	return Number( /VmRSS:\s+(\d+)/.exec( status )?.[ 1 ] ?? NaN ) / 1024;
}

const mb = ( bytes: number | undefined ) => ( bytes ?? NaN ) / 1048576;

/** Full GC in the process, then its memory (the probe answers on fd 3). */
function memoryOf( child: ChildProcess ): () => Promise< MemoryReading > {
	const probe = child.stdio[ 3 ] as Readable;
	return async () => {
		const line = firstLine( probe );
		child.kill( 'SIGUSR2' );
		const r = JSON.parse( await line ) as Record< string, number >;
		return {
			rssBeforeGc: mb( r.rssBeforeGc ),
			rss: mb( r.rss ),
			heapUsed: mb( r.heapUsed ),
			heapTotal: mb( r.heapTotal ),
			external: mb( r.external ),
		};
	};
}

const PROBE = [
	'--expose-gc',
	'--import',
	path.join( ROOT, 'bench/proxy/memory-probe.mjs' ),
];
const WITH_PROBE: SpawnOptions[ 'stdio' ] = [
	'ignore',
	'pipe',
	'inherit',
	'pipe',
];

export function buildProxy(): void {
	const build = spawnSync( process.execPath, [ 'scripts/proxy/build.mjs' ], {
		cwd: ROOT,
		stdio: 'inherit',
	} );
	if ( build.status !== 0 ) {
		throw new Error( 'building the proxy failed' );
	}
}

/** Installs the peer from its lockfile when it is missing or older than the lockfile. */
export function ensurePeerInstalled(): void {
	const lock = path.join( PEER_DIR, 'package-lock.json' );
	// npm writes node_modules/.package-lock.json on every install (package files keep the tarball's times).
	const installed = path.join( PEER_DIR, 'node_modules/.package-lock.json' );
	if (
		existsSync( PEER_SERVER ) &&
		existsSync( installed ) &&
		statSync( installed ).mtimeMs >= statSync( lock ).mtimeMs
	) {
		return;
	}
	console.log(
		'• Installing the peer gateway (npm ci --prefix bench/peer-gateway)'
	);
	const npm = spawnSync(
		'npm',
		[ 'ci', '--prefix', PEER_DIR, '--no-audit', '--no-fund' ],
		{ cwd: ROOT, stdio: 'inherit' }
	);
	if ( npm.status !== 0 ) {
		throw new Error( 'installing the peer gateway failed' );
	}
}

export async function startFakeUpstream( chunkDelayMs: number ) {
	const child = pinned(
		LOAD_CPU,
		[ '--import', 'tsx', 'bench/proxy/fake-server.ts' ],
		{ FAKE_CHUNK_DELAY_MS: String( chunkDelayMs ) }
	);
	return { child, url: await firstLine( child.stdout as Readable ) };
}

function gateway(
	name: string,
	child: ChildProcess,
	url: string,
	headers: Record< string, string >,
	hitHeaders: Record< string, string > | null
): Gateway {
	child.stdout?.resume();
	return {
		name,
		pid: child.pid ?? 0,
		url,
		headers,
		hitHeaders,
		process: child,
		memory: memoryOf( child ),
		chat: ( body, extra = {} ) =>
			post( `${ url }/v1/chat/completions`, body, {
				...headers,
				...extra,
			} ).catch( ( error: Error ) => {
				// Which gateway: the URL alone does not say whether it was ours, the floor or the peer.
				error.message = `${ name }: ${ error.message }`;
				throw error;
			} ),
	};
}

/** This process (the load generator) stays off the gateways' CPU. */
export function keepOffGatewayCpu(): void {
	spawnSync( 'taskset', [
		'-a',
		'-p',
		'-c',
		LOAD_CPU,
		String( process.pid ),
	] );
}

/** How the bench runs our proxy: provider openai on the fake upstream, no rate limit in the way, no Redis. */
export function oursEnv( fakeUrl: string, port: number ): NodeJS.ProcessEnv {
	return {
		MPCC_PROXY_PORT: String( port ),
		MPCC_LOG_LEVEL: 'info',
		MPCC_LLM_PROVIDER: 'openai',
		MPCC_LLM_MODEL: 'bench-model',
		MPCC_LLM_BASE_URL: `${ fakeUrl }/v1`,
		OPENAI_API_KEY: 'sk-bench',
		MPCC_PROXY_TOKEN: BENCH_TOKEN,
		MPCC_RATE_LIMIT_MAX: '1000000000',
		MPCC_REDIS_URL: '',
	};
}

/** How deploy/courses-copilot-proxy.service starts node: its flags and the environment it adds. */
export interface UnitLaunch {
	/** Those in NODE_OPTIONS, then those before the script on the ExecStart line (V8 flags node does not accept in NODE_OPTIONS). */
	nodeFlags: string[];
	/** The unit's other `Environment=` settings that change how node runs (e.g. MALLOC_ARENA_MAX). */
	env: Record< string, string >;
}

/**
 * Read from the unit itself, so the bench's "as the unit runs it" figures follow the unit when it
 * changes. NODE_ENV is left out: the bench's proxy gets the same settings as the default copy, and the
 * difference measured is node's.
 */
export function unitLaunch(): UnitLaunch {
	const unit = readFileSync(
		path.join( ROOT, 'deploy/courses-copilot-proxy.service' ),
		'utf8'
	);
	const settings = [
		...unit.matchAll( /^Environment="?([A-Z_]+)=([^"\n]*)"?\s*$/gm ),
	].map( ( [ , name, value ] ) => [ name as string, value as string ] );
	const options = settings.find( ( [ name ] ) => name === 'NODE_OPTIONS' );
	const execStart = /^ExecStart=.*?\bnode\s+((?:--\S+\s+)*)\S/m.exec( unit );
	if ( ! options?.[ 1 ] || ! execStart ) {
		throw new Error(
			'the systemd unit sets no NODE_OPTIONS or runs no node'
		);
	}
	return {
		nodeFlags: [ options[ 1 ], execStart[ 1 ] ?? '' ]
			.join( ' ' )
			.trim()
			.split( /\s+/ ),
		env: Object.fromEntries(
			settings.filter(
				( [ name ] ) => name !== 'NODE_OPTIONS' && name !== 'NODE_ENV'
			)
		),
	};
}

/** How a gateway's node runs: node's defaults, or the unit's flags and environment. */
const NODE_DEFAULTS: UnitLaunch = { nodeFlags: [], env: {} };

/** Our proxy, with node's defaults or as the systemd unit starts it. */
export async function startOurs(
	fakeUrl: string,
	name = 'ours',
	launch: UnitLaunch = NODE_DEFAULTS
): Promise< Gateway > {
	const port = await freePort();
	const child = pinned(
		GATEWAY_CPU,
		[ ...PROBE, ...launch.nodeFlags, 'build-proxy/server.mjs' ],
		{ ...oursEnv( fakeUrl, port ), ...launch.env },
		WITH_PROBE
	);
	const g = gateway(
		name,
		child,
		`http://127.0.0.1:${ port }`,
		BENCH_AUTH,
		{}
	);
	await waitUntilServing( () =>
		g.chat( '{"model":"x","messages":[{"role":"user","content":"up?"}]}' )
	);
	return g;
}

/** The floor, with node's defaults or as the unit would start it (for a like-for-like RSS). */
export async function startFloor(
	fakeUrl: string,
	name = 'floor',
	launch: UnitLaunch = NODE_DEFAULTS
): Promise< Gateway > {
	const port = await freePort();
	const child = pinned(
		GATEWAY_CPU,
		[ ...PROBE, ...launch.nodeFlags, 'bench/proxy/floor-proxy.mjs' ],
		{
			FLOOR_UPSTREAM: fakeUrl,
			FLOOR_PORT: String( port ),
			...launch.env,
		},
		WITH_PROBE
	);
	await firstLine( child.stdout as Readable );
	return gateway( name, child, `http://127.0.0.1:${ port }`, {}, null );
}

export async function startPeer( fakeUrl: string ): Promise< Gateway > {
	const port = await freePort();
	const child = pinned(
		GATEWAY_CPU,
		[ ...PROBE, PEER_SERVER, `--port=${ port }`, '--headless' ],
		{ TRUSTED_CUSTOM_HOSTS: '127.0.0.1', NODE_ENV: 'production' },
		WITH_PROBE,
		PEER_DIR
	);
	const g = gateway(
		'peer',
		child,
		`http://127.0.0.1:${ port }`,
		{
			authorization: 'Bearer sk-bench',
			'x-portkey-provider': 'openai',
			'x-portkey-custom-host': `${ fakeUrl }/v1`,
		},
		{ 'x-portkey-config': JSON.stringify( { cache: { mode: 'simple' } } ) }
	);
	await waitUntilServing( () =>
		g.chat( '{"model":"x","messages":[{"role":"user","content":"up?"}]}' )
	);
	return g;
}
