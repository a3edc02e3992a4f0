import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createParser } from 'eventsource-parser';
import { buildApp, type ProxyApp } from '../app';
import { defaultConfig, type ProviderName, type ProxyConfig } from '../config';
import { FakeUpstream } from './fake-upstream/fake-upstream';

/** Shared test plumbing: an app on a loopback port, a fake upstream, SSE reading, a private redis-server. */
export interface Running {
	app: ProxyApp;
	url: string;
	close: () => Promise< void >;
}

/** Small deadlines and fast retries so fault tests finish in well under a second each. */
export function testConfig(
	provider: ProviderName,
	fake: FakeUpstream | undefined,
	overrides: Partial< ProxyConfig > = {}
): ProxyConfig {
	return defaultConfig( {
		provider,
		model: provider === 'demo' ? 'demo' : 'test-model',
		baseUrl: fake ? `${ fake.url }/v1` : '',
		apiKey: provider === 'demo' ? '' : 'sk-test-key',
		deadlines: {
			connectMs: 500,
			firstByteMs: 400,
			idleMs: 300,
			totalMs: 3_000,
		},
		retry: {
			maxRetries: 2,
			baseDelayMs: 10,
			maxDelayMs: 40,
			maxRetryAfterMs: 2_000,
		},
		rateLimit: { max: 10_000, windowMs: 60_000 },
		...overrides,
	} );
}

export async function startApp( config: ProxyConfig ): Promise< Running > {
	const app = await buildApp( config, { logger: false } );
	await app.listen( { host: '127.0.0.1', port: 0 } );
	const address = app.server.address() as AddressInfo;
	return {
		app,
		url: `http://127.0.0.1:${ address.port }`,
		// Tests are done when they close: drop keep-alive and pre-opened client sockets instead of waiting them out.
		close: async () => {
			const closing = app.close();
			app.server.closeAllConnections();
			await closing;
		},
	};
}

export async function startFake(): Promise< FakeUpstream > {
	return new FakeUpstream().start();
}

export function postJson(
	url: string,
	body: unknown,
	headers: Record< string, string > = {}
): Promise< Response > {
	return fetch( url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify( body ),
	} );
}

export interface SseEvent {
	event: string;
	data: string;
}

export async function readSse( response: Response ): Promise< SseEvent[] > {
	const events: SseEvent[] = [];
	if ( ! response.body ) {
		return events;
	}
	const parser = createParser( {
		onEvent: ( e ) =>
			events.push( { event: e.event ?? 'message', data: e.data } ),
	} );
	const decoder = new TextDecoder();
	for await ( const chunk of response.body as unknown as AsyncIterable< Uint8Array > ) {
		parser.feed( decoder.decode( chunk, { stream: true } ) );
	}
	return events;
}

export function json< T = Record< string, unknown > >( text: string ): T {
	return JSON.parse( text ) as T;
}

export async function freePort(): Promise< number > {
	return new Promise( ( resolve, reject ) => {
		const server = net.createServer();
		server.once( 'error', reject );
		server.listen( 0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			server.close( () => resolve( port ) );
		} );
	} );
}

/** A throwaway redis-server on a loopback port (no persistence); fails loudly when it is not installed. */
export async function startRedis(): Promise< {
	url: string;
	stop: () => Promise< void >;
} > {
	const binary = [
		'/usr/bin/redis-server',
		'/usr/local/bin/redis-server',
	].find( ( path ) => existsSync( path ) );
	if ( ! binary ) {
		throw new Error(
			'redis-server is not installed (apt-get install redis-server); the Redis tests need it and are not skipped.'
		);
	}
	const port = await freePort();
	const child: ChildProcess = spawn(
		binary,
		[
			'--port',
			String( port ),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
		],
		{ stdio: 'ignore' }
	);
	const deadline = Date.now() + 5_000;
	for (;;) {
		const ok = await new Promise< boolean >( ( resolve ) => {
			const socket = net.connect( port, '127.0.0.1', () => {
				socket.end();
				resolve( true );
			} );
			socket.on( 'error', () => resolve( false ) );
		} );
		if ( ok ) {
			break;
		}
		if ( Date.now() > deadline ) {
			child.kill( 'SIGKILL' );
			throw new Error( 'redis-server did not start within 5 s' );
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
	}
	return {
		url: `redis://127.0.0.1:${ port }`,
		stop: () =>
			new Promise( ( resolve ) => {
				child.once( 'exit', () => resolve() );
				child.kill( 'SIGTERM' );
			} ),
	};
}
