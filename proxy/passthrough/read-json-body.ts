import type { IncomingMessage } from 'node:http';
import secureJsonParse from 'secure-json-parse';
import { ClientClosedError } from '../call-context';
import { ProxyError } from '../errors';

/**
 * A request's JSON body as fastify would parse it for the routes (same limit, same prototype-poisoning
 * refusal, same messages), for the pass-through lane, which is not behind fastify.
 */
const PARSE_OPTIONS = {
	protoAction: 'error',
	constructorAction: 'error',
} as const;

export function isJsonContentType( header: string | undefined ): boolean {
	return (
		header !== undefined && /^application\/json\s*(?:;|$)/i.test( header )
	);
}

export function readJsonBody(
	req: IncomingMessage,
	limitBytes: number
): Promise< unknown > {
	const tooLarge = () =>
		new ProxyError(
			'payload_too_large',
			`request body is larger than ${ limitBytes } bytes`
		);
	if ( Number( req.headers[ 'content-length' ] ) > limitBytes ) {
		return Promise.reject( tooLarge() );
	}
	return new Promise( ( resolve, reject ) => {
		const parts: Buffer[] = [];
		let size = 0;
		const onData = ( chunk: Buffer ) => {
			size += chunk.length;
			if ( size > limitBytes ) {
				// Read on and drop the rest, so the answer reaches the client.
				req.off( 'data', onData );
				req.resume();
				reject( tooLarge() );
				return;
			}
			parts.push( chunk );
		};
		req.on( 'data', onData );
		// A client that hangs up before its body ended is gone (499), not a failure of ours.
		const gone = () => {
			if ( ! req.complete ) {
				reject( new ClientClosedError() );
			}
		};
		req.once( 'error', gone );
		req.once( 'close', gone );
		req.once( 'end', () => {
			if ( size > limitBytes ) {
				return;
			}
			const text =
				parts.length === 1
					? ( parts[ 0 ] as Buffer ).toString( 'utf8' )
					: Buffer.concat( parts ).toString( 'utf8' );
			if ( text.length === 0 ) {
				reject(
					new ProxyError(
						'invalid_request',
						"Body cannot be empty when content-type is set to 'application/json'"
					)
				);
				return;
			}
			try {
				resolve(
					secureJsonParse.parse( text, undefined, PARSE_OPTIONS )
				);
			} catch {
				reject(
					new ProxyError(
						'invalid_request',
						"Body is not valid JSON but content-type is set to 'application/json'"
					)
				);
			}
		} );
	} );
}
