/**
 * Fake admin-ajax replies for tests: a JSON (or any text) reply, and a text/event-stream reply
 * whose body is a real byte stream the test writes to, as a browser's fetch Response is.
 */

export interface FakeResponse {
	ok: boolean;
	status: number;
	headers: { get: ( name: string ) => string | null };
	text: () => Promise< string >;
	body: ReadableStream< Uint8Array > | null;
}

function contentTypeHeaders( contentType: string ): FakeResponse[ 'headers' ] {
	return {
		get: ( name ) =>
			name.toLowerCase() === 'content-type' ? contentType : null,
	};
}

export function fakeResponse(
	status: number,
	body: unknown,
	contentType = 'application/json'
): FakeResponse {
	const text = typeof body === 'string' ? body : JSON.stringify( body );
	return {
		ok: status >= 200 && status < 300,
		status,
		headers: contentTypeHeaders( contentType ),
		text: async () => text,
		body: null,
	};
}

/**
 * A text/event-stream reply whose bytes the test pushes; aborting the signal (given here or to
 * `response()`) errors the body, as fetch does. Pushes after the body ended, was cancelled by
 * the reader or aborted are dropped (a late event from a server that did not notice yet).
 */
export class FakeStream {
	private controller!: ReadableStreamDefaultController< Uint8Array >;
	private open = true;
	private readonly encoder = new TextEncoder();
	private readonly body = new ReadableStream< Uint8Array >( {
		start: ( controller ) => {
			this.controller = controller;
		},
		cancel: () => {
			this.open = false;
		},
	} );

	constructor( signal?: AbortSignal ) {
		this.abortOn( signal );
	}

	private abortOn( signal?: AbortSignal ): void {
		signal?.addEventListener( 'abort', () => {
			if ( this.open ) {
				this.open = false;
				this.controller.error(
					Object.assign( new Error( 'aborted' ), {
						name: 'AbortError',
					} )
				);
			}
		} );
	}

	/** Writes raw bytes, or a string as UTF-8. */
	push( chunk: string | Uint8Array ): void {
		if ( this.open ) {
			this.controller.enqueue(
				typeof chunk === 'string' ? this.encoder.encode( chunk ) : chunk
			);
		}
	}

	event( name: string, data: unknown ): void {
		this.push( `event: ${ name }\ndata: ${ JSON.stringify( data ) }\n\n` );
	}

	end(): void {
		if ( this.open ) {
			this.open = false;
			this.controller.close();
		}
	}

	response( signal?: AbortSignal ): FakeResponse {
		this.abortOn( signal );
		return {
			ok: true,
			status: 200,
			headers: contentTypeHeaders( 'text/event-stream; charset=utf-8' ),
			text: async () => '',
			body: this.body,
		};
	}
}
