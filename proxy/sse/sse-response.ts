import type { ServerResponse } from 'node:http';
import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { ClientClosedError } from '../call-context';
import type { ProxyError } from '../errors';

export const SSE_HEADERS = {
	'content-type': 'text/event-stream; charset=utf-8',
	'cache-control': 'no-cache, no-transform',
	'x-accel-buffering': 'no',
} as const;

/**
 * A text/event-stream reply whose headers go out with the first event, not before: until then a
 * failure can still be answered with its true status as JSON. After that, failures become an
 * `error` event (a stream that started is a 200 that the client already has). It writes to a
 * fastify reply (`forReply`) or straight to a node:http response (`forResponse`, the pass-through lane).
 */
export class SseResponse {
	private stream?: Writable;

	private constructor( private readonly open: () => Writable ) {}

	static forReply( reply: FastifyReply ): SseResponse {
		return new SseResponse( () => {
			const stream = new PassThrough();
			reply.code( 200 ).headers( SSE_HEADERS ).send( stream );
			return stream;
		} );
	}

	static forResponse( res: ServerResponse ): SseResponse {
		return new SseResponse( () => res.writeHead( 200, SSE_HEADERS ) );
	}

	get started(): boolean {
		return this.stream !== undefined;
	}

	get closed(): boolean {
		return (
			this.stream !== undefined &&
			( this.stream.destroyed || this.stream.writableEnded )
		);
	}

	/** `event: name` + JSON data, the task routes' framing. */
	event( name: string, data: unknown ): void {
		this.write( `event: ${ name }\ndata: ${ JSON.stringify( data ) }\n\n` );
	}

	/** A bare `data:` line, OpenAI's chat-completions framing. */
	data( payload: string ): void {
		this.write( `data: ${ payload }\n\n` );
	}

	write( frame: string | Buffer ): void {
		const stream = this.stream ?? this.start();
		if ( ! stream.destroyed && ! stream.writableEnded ) {
			stream.write( frame );
		}
	}

	fail( error: ProxyError, framing: 'event' | 'data' = 'event' ): void {
		if ( framing === 'event' ) {
			this.event( 'error', error.toBody() );
		} else {
			this.data( JSON.stringify( error.toBody() ) );
		}
		this.end();
	}

	/**
	 * A failure while answering: before the first event it is rethrown (the error handler answers it
	 * as JSON with its true status); after, the client gets an error frame, or just the end of the
	 * stream when it went away.
	 */
	failAfterStart(
		error: unknown,
		describe: ( error: unknown ) => ProxyError,
		framing: 'event' | 'data' = 'event'
	): void {
		if ( ! this.started ) {
			throw error;
		}
		if ( error instanceof ClientClosedError ) {
			this.end();
		} else {
			this.fail( describe( error ), framing );
		}
	}

	end(): void {
		this.stream?.end();
	}

	private start(): Writable {
		this.stream = this.open();
		return this.stream;
	}
}
