import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	ANTHROPIC_ERROR_TYPES,
	anthropicFrames,
	anthropicJson,
	OPENAI_ERROR_TYPES,
	openAiFrames,
	openAiJson,
	wireOf,
	type Wire,
} from './wire-formats';

/**
 * A local provider that speaks the OpenAI chat-completions and Anthropic messages wire formats
 * (JSON and SSE, byte for byte as documented) and misbehaves on demand. Each request takes the next
 * scripted behaviour from a queue; with an empty queue it answers normally.
 */
export type Behaviour =
	| { kind: 'ok'; text?: string; chunkDelayMs?: number; delayMs?: number }
	| {
			kind: 'status';
			status: number;
			retryAfter?: string;
			retryAfterMs?: string;
			message?: string;
	  }
	| { kind: 'stall-before-headers' }
	| { kind: 'stall-after-first-chunk' }
	| { kind: 'slow-drip'; intervalMs: number; text?: string }
	| { kind: 'malformed-json' }
	| { kind: 'error-mid-stream' }
	| { kind: 'reset' }
	/** A recorded answer (conformance transcripts), rendered for the request it answers. */
	| {
			kind: 'replay';
			respond: ( body: Record< string, unknown > ) => Replayed;
	  };

/** A transcript's response as bytes to send: a JSON body, or SSE frames written one by one. */
export interface Replayed {
	status: number;
	headers: Record< string, string >;
	body?: string;
	events?: string[];
}

export interface RecordedRequest {
	path: string;
	headers: IncomingMessage[ 'headers' ];
	body: Record< string, unknown >;
	/** True when the proxy hung up before this response ended (a cancelled upstream call). */
	aborted: boolean;
	receivedAt: number;
}

const sleep = ( ms: number ) =>
	new Promise( ( resolve ) => setTimeout( resolve, ms ) );

export class FakeUpstream {
	readonly requests: RecordedRequest[] = [];
	private readonly queue: Behaviour[] = [];
	private server?: http.Server;
	private readonly open = new Set< ServerResponse >();
	/** What a normal answer says; tests set it to the JSON a task expects. */
	reply: ( body: Record< string, unknown >, wire: Wire ) => string = () =>
		'Hello from the fake upstream.';
	chunkSize = 12;
	/** What a request gets when nothing is queued (the benchmark sets a chunk delay here). */
	defaultBehaviour: Behaviour = { kind: 'ok' };

	get url(): string {
		const address = this.server?.address() as AddressInfo;
		return `http://127.0.0.1:${ address.port }`;
	}

	get count(): number {
		return this.requests.length;
	}

	enqueue( ...behaviours: Behaviour[] ): this {
		this.queue.push( ...behaviours );
		return this;
	}

	reset(): void {
		this.requests.length = 0;
		this.queue.length = 0;
		this.reply = () => 'Hello from the fake upstream.';
		this.chunkSize = 12;
		this.defaultBehaviour = { kind: 'ok' };
	}

	async start(): Promise< this > {
		this.server = http.createServer(
			( req, res ) => void this.handle( req, res )
		);
		this.server.keepAliveTimeout = 30_000;
		await new Promise< void >( ( resolve ) =>
			this.server?.listen( 0, '127.0.0.1', resolve )
		);
		return this;
	}

	async stop(): Promise< void > {
		for ( const res of this.open ) {
			res.destroy();
		}
		this.server?.closeAllConnections();
		await new Promise< void >( ( resolve ) =>
			this.server?.close( () => resolve() )
		);
	}

	private async handle(
		req: IncomingMessage,
		res: ServerResponse
	): Promise< void > {
		const raw = await new Promise< string >( ( resolve ) => {
			let data = '';
			req.setEncoding( 'utf8' );
			req.on( 'data', ( chunk: string ) => ( data += chunk ) );
			req.on( 'end', () => resolve( data ) );
		} );
		const path = ( req.url ?? '' ).split( '?' )[ 0 ] ?? '';
		let body: Record< string, unknown > = {};
		try {
			body = JSON.parse( raw ) as Record< string, unknown >;
		} catch {
			// Recorded as empty; the proxy never sends invalid JSON, a test would see it.
		}
		const record: RecordedRequest = {
			path,
			headers: req.headers,
			body,
			aborted: false,
			receivedAt: Date.now(),
		};
		this.requests.push( record );
		this.open.add( res );
		res.on( 'close', () => {
			this.open.delete( res );
			if ( ! res.writableFinished ) {
				record.aborted = true;
			}
		} );
		const wire = wireOf( path );
		if ( ! wire ) {
			res.writeHead( 404, { 'content-type': 'application/json' } ).end(
				JSON.stringify( {
					error: {
						message: 'not found',
						type: 'invalid_request_error',
					},
				} )
			);
			return;
		}
		const behaviour = this.queue.shift() ?? this.defaultBehaviour;
		const stream = body.stream === true;
		const model = String( body.model ?? 'fake-model' );
		await this.respond( behaviour, wire, stream, model, body, res );
	}

	private errorBody( wire: Wire, status: number, message: string ): string {
		if ( wire === 'anthropic' ) {
			const type =
				ANTHROPIC_ERROR_TYPES[ status ] ??
				( status >= 500 ? 'api_error' : 'invalid_request_error' );
			return JSON.stringify( {
				type: 'error',
				error: { type, message },
			} );
		}
		const type =
			OPENAI_ERROR_TYPES[ status ] ??
			( status >= 500 ? 'server_error' : 'invalid_request_error' );
		return JSON.stringify( {
			error: { message, type, param: null, code: null },
		} );
	}

	private async respond(
		behaviour: Behaviour,
		wire: Wire,
		stream: boolean,
		model: string,
		body: Record< string, unknown >,
		res: ServerResponse
	) {
		switch ( behaviour.kind ) {
			case 'status': {
				const headers: Record< string, string > = {
					'content-type': 'application/json',
				};
				if ( behaviour.retryAfter !== undefined ) {
					headers[ 'retry-after' ] = behaviour.retryAfter;
				}
				if ( behaviour.retryAfterMs !== undefined ) {
					headers[ 'retry-after-ms' ] = behaviour.retryAfterMs;
				}
				res.writeHead( behaviour.status, headers ).end(
					this.errorBody(
						wire,
						behaviour.status,
						behaviour.message ?? `fake ${ behaviour.status }`
					)
				);
				return;
			}
			case 'stall-before-headers':
				return; // Never answers; the connection stays open until someone gives up.
			case 'reset':
				res.socket?.destroy();
				return;
			case 'replay': {
				const replayed = behaviour.respond( body );
				res.writeHead( replayed.status, replayed.headers );
				for ( const frame of replayed.events ?? [] ) {
					if ( res.destroyed ) {
						return;
					}
					res.write( frame );
					await sleep( 0 );
				}
				res.end( replayed.body ?? '' );
				return;
			}
			case 'malformed-json':
				if ( stream ) {
					res.writeHead( 200, {
						'content-type': 'text/event-stream',
					} );
					res.end(
						'data: {"id":"x","choices":[{"delta":{"content":"bro\n\n'
					);
				} else {
					res.writeHead( 200, {
						'content-type': 'application/json',
					} ).end( '{"id":"chatcmpl-broken","choices":[{"message":' );
				}
				return;
			default:
				break;
		}
		if ( behaviour.kind === 'ok' && behaviour.delayMs ) {
			await sleep( behaviour.delayMs );
		}
		const text =
			( behaviour.kind === 'ok' || behaviour.kind === 'slow-drip' ) &&
			behaviour.text !== undefined
				? behaviour.text
				: this.reply( body, wire );
		if ( ! stream ) {
			if ( behaviour.kind === 'stall-after-first-chunk' ) {
				res.writeHead( 200, { 'content-type': 'application/json' } );
				res.write( '{"id":"chatcmpl-stall",' );
				return;
			}
			res.writeHead( 200, { 'content-type': 'application/json' } ).end(
				JSON.stringify(
					wire === 'openai'
						? openAiJson( model, text )
						: anthropicJson( model, text, body )
				)
			);
			return;
		}
		res.writeHead( 200, {
			'content-type': 'text/event-stream',
			'cache-control': 'no-cache',
		} );
		const frames =
			wire === 'openai'
				? openAiFrames( model, text, this.chunkSize, body )
				: anthropicFrames( model, text, this.chunkSize, body );
		let delay = 0;
		if ( behaviour.kind === 'slow-drip' ) {
			delay = behaviour.intervalMs;
		} else if ( behaviour.kind === 'ok' ) {
			delay = behaviour.chunkDelayMs ?? 0;
		}
		for ( const [ index, frame ] of frames.entries() ) {
			if ( res.destroyed ) {
				return;
			}
			res.write( frame );
			if ( behaviour.kind === 'stall-after-first-chunk' && index === 1 ) {
				return; // Headers, the opening frame and one delta went out; then silence.
			}
			// After two text deltas: OpenAI frame 0 is the role, Anthropic frames 0–2 are start, block start and ping.
			if (
				behaviour.kind === 'error-mid-stream' &&
				index === ( wire === 'openai' ? 2 : 4 )
			) {
				res.end(
					wire === 'openai'
						? `data: ${ JSON.stringify( { error: { message: 'fake failure mid-stream', type: 'server_error', param: null, code: null } } ) }\n\n`
						: `event: error\ndata: ${ JSON.stringify( { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } ) }\n\n`
				);
				return;
			}
			if ( delay ) {
				await sleep( delay );
			}
		}
		res.end();
	}
}
