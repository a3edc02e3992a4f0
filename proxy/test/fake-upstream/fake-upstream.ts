import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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

type Wire = 'openai' | 'anthropic';

/** Splits text into chunks of about n characters (so SSE has several deltas). */
export function chunkText( text: string, n = 12 ): string[] {
	const chunks: string[] = [];
	for ( let i = 0; i < text.length; i += n ) {
		chunks.push( text.slice( i, i + n ) );
	}
	return chunks.length ? chunks : [ '' ];
}

const ANTHROPIC_ERROR_TYPES: Record< number, string > = {
	429: 'rate_limit_error',
	529: 'overloaded_error',
};
const OPENAI_ERROR_TYPES: Record< number, string > = {
	429: 'rate_limit_exceeded',
};

function wireOf( path: string ): Wire | undefined {
	if ( path.endsWith( '/chat/completions' ) ) {
		return 'openai';
	}
	return path.endsWith( '/messages' ) ? 'anthropic' : undefined;
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

function openAiJson( model: string, text: string ) {
	return {
		id: 'chatcmpl-fake123',
		object: 'chat.completion',
		created: 1_700_000_000,
		model,
		choices: [
			{
				index: 0,
				message: { role: 'assistant', content: text, refusal: null },
				logprobs: null,
				finish_reason: 'stop',
			},
		],
		usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
		system_fingerprint: 'fp_fake',
	};
}

function openAiFrames(
	model: string,
	text: string,
	size: number,
	body: Record< string, unknown >
): string[] {
	const base = {
		id: 'chatcmpl-fake123',
		object: 'chat.completion.chunk',
		created: 1_700_000_000,
		model,
		system_fingerprint: 'fp_fake',
	};
	const frame = ( value: unknown ) =>
		`data: ${ JSON.stringify( value ) }\n\n`;
	const frames = [
		frame( {
			...base,
			choices: [
				{
					index: 0,
					delta: { role: 'assistant', content: '', refusal: null },
					logprobs: null,
					finish_reason: null,
				},
			],
		} ),
	];
	for ( const piece of chunkText( text, size ) ) {
		frames.push(
			frame( {
				...base,
				choices: [
					{
						index: 0,
						delta: { content: piece },
						logprobs: null,
						finish_reason: null,
					},
				],
			} )
		);
	}
	frames.push(
		frame( {
			...base,
			choices: [
				{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' },
			],
		} )
	);
	const options = body.stream_options as
		{ include_usage?: boolean } | undefined;
	if ( options?.include_usage ) {
		frames.push(
			frame( {
				...base,
				choices: [],
				usage: {
					prompt_tokens: 11,
					completion_tokens: 7,
					total_tokens: 18,
				},
			} )
		);
	}
	frames.push( 'data: [DONE]\n\n' );
	return frames;
}

/**
 * The tool Anthropic must call, when the request forces one (`tool_choice` any/tool, as the AI SDK
 * sends for a JSON schema): the answer then comes as that tool's input, as the real API does.
 * Text that is not JSON stays a text block (a model cannot be forced to be right in a test).
 */
function forcedTool(
	body: Record< string, unknown >,
	text: string
): { name: string; input: unknown } | undefined {
	const choice = body.tool_choice as
		{ type?: string; name?: string } | undefined;
	const tools = body.tools as Array< { name: string } > | undefined;
	if (
		! choice ||
		! tools?.length ||
		( choice.type !== 'any' && choice.type !== 'tool' )
	) {
		return undefined;
	}
	try {
		return {
			name: choice.name ?? tools[ 0 ]?.name ?? 'json',
			input: JSON.parse( text ) as unknown,
		};
	} catch {
		return undefined;
	}
}

function anthropicJson(
	model: string,
	text: string,
	body: Record< string, unknown >
) {
	const tool = forcedTool( body, text );
	return {
		id: 'msg_fake123',
		type: 'message',
		role: 'assistant',
		model,
		content: tool
			? [
					{
						type: 'tool_use',
						id: 'toolu_fake123',
						name: tool.name,
						input: tool.input,
					},
				]
			: [ { type: 'text', text } ],
		stop_reason: tool ? 'tool_use' : 'end_turn',
		stop_sequence: null,
		usage: { input_tokens: 11, output_tokens: 7 },
	};
}

function anthropicFrames(
	model: string,
	text: string,
	size: number,
	body: Record< string, unknown >
): string[] {
	const tool = forcedTool( body, text );
	const event = ( name: string, value: unknown ) =>
		`event: ${ name }\ndata: ${ JSON.stringify( value ) }\n\n`;
	const frames = [
		event( 'message_start', {
			type: 'message_start',
			message: {
				id: 'msg_fake123',
				type: 'message',
				role: 'assistant',
				model,
				content: [],
				stop_reason: null,
				stop_sequence: null,
				usage: { input_tokens: 11, output_tokens: 1 },
			},
		} ),
		event( 'content_block_start', {
			type: 'content_block_start',
			index: 0,
			content_block: tool
				? {
						type: 'tool_use',
						id: 'toolu_fake123',
						name: tool.name,
						input: {},
					}
				: { type: 'text', text: '' },
		} ),
		event( 'ping', { type: 'ping' } ),
	];
	for ( const piece of chunkText( text, size ) ) {
		frames.push(
			event( 'content_block_delta', {
				type: 'content_block_delta',
				index: 0,
				delta: tool
					? { type: 'input_json_delta', partial_json: piece }
					: { type: 'text_delta', text: piece },
			} )
		);
	}
	frames.push(
		event( 'content_block_stop', { type: 'content_block_stop', index: 0 } ),
		event( 'message_delta', {
			type: 'message_delta',
			delta: {
				stop_reason: tool ? 'tool_use' : 'end_turn',
				stop_sequence: null,
			},
			usage: { output_tokens: 7 },
		} ),
		event( 'message_stop', { type: 'message_stop' } )
	);
	return frames;
}
