/**
 * A fake OpenAI upstream for bench/proxy/first-chunk-split.ts that stamps times with the machine's
 * monotonic clock (process.hrtime, shared by every process here). The client writes its send time into
 * the message (`sent:<ns>`); the fake answers a stream whose role frame carries how long the request
 * took to reach it (`"request_ns"`), then, 5 ms later, a content frame carrying when it was written
 * (`"written_at"`), then the end. A request without `stream` gets a small JSON answer (start-up checks).
 */
import http from 'node:http';

const GAP_MS = 5;
const frame = ( value ) => `data: ${ JSON.stringify( value ) }\n\n`;
const choice = ( delta, finish = null ) => ( {
	id: 'chatcmpl-stamp',
	object: 'chat.completion.chunk',
	model: 'bench-model',
	choices: [ { index: 0, delta, finish_reason: finish } ],
} );

const server = http.createServer( { noDelay: true }, ( req, res ) => {
	const parts = [];
	req.on( 'data', ( chunk ) => parts.push( chunk ) );
	req.on( 'end', () => {
		// Read first, before any work of the fake's own counts against the request's way in.
		// eslint-disable-next-line @wordpress/no-unused-vars-before-return
		const arrivedAt = process.hrtime.bigint();
		const body = JSON.parse( Buffer.concat( parts ).toString() );
		if ( ! body.stream ) {
			res.writeHead( 200, { 'content-type': 'application/json' } );
			res.end(
				JSON.stringify( {
					id: 'chatcmpl-stamp',
					object: 'chat.completion',
					model: 'bench-model',
					choices: [
						{
							index: 0,
							message: { role: 'assistant', content: 'ok' },
							finish_reason: 'stop',
						},
					],
				} )
			);
			return;
		}
		const sent = /sent:(\d+)/.exec(
			JSON.stringify( body.messages )
		)?.[ 1 ];
		const requestNs = sent ? String( arrivedAt - BigInt( sent ) ) : '-1';
		res.writeHead( 200, { 'content-type': 'text/event-stream' } );
		res.write(
			frame( {
				...choice( { role: 'assistant', content: '' } ),
				request_ns: requestNs,
			} )
		);
		setTimeout( () => {
			const writtenAt = String( process.hrtime.bigint() );
			res.write(
				frame( {
					...choice( { content: 'Hello' } ),
					written_at: writtenAt,
				} )
			);
			setTimeout( () => {
				res.end( frame( choice( {}, 'stop' ) ) + 'data: [DONE]\n\n' );
			}, GAP_MS );
		}, GAP_MS );
	} );
} );
server.listen( 0, '127.0.0.1', () =>
	process.stdout.write( `http://127.0.0.1:${ server.address().port }\n` )
);
process.on( 'SIGTERM', () => server.close( () => process.exit( 0 ) ) );
