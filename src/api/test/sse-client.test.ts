import apiFetch from '@wordpress/api-fetch';
import { toErrorInfo } from '../error-messages';
import { SSEClient } from '../sse-client';
import { FakeStream, fakeResponse } from './fake-response';
import { setConfig } from '../../store/test/helpers';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );
const mockFetch = apiFetch as unknown as jest.Mock;

beforeAll( setConfig );
afterEach( () => mockFetch.mockReset() );

/** A chat turn on a stream reply the test writes, its deltas collected. */
async function openChat() {
	let stream: FakeStream | null = null;
	mockFetch.mockImplementation(
		async ( options: { signal: AbortSignal } ) => {
			stream = new FakeStream( options.signal );
			return stream.response();
		}
	);
	const deltas: string[] = [];
	const client = new SSEClient(
		'mpcc_chat_message',
		{ message: 'hi' },
		{ delta: ( d ) => deltas.push( d.text ) }
	);
	await tick();
	return { stream: stream! as FakeStream, deltas, client };
}

const tick = async () => {
	for ( let i = 0; i < 10; i++ ) {
		await Promise.resolve();
	}
};

/** `text` as UTF-8 bytes, cut before each of the given byte offsets. */
function bytesCutAt( text: string, cuts: number[] ): Uint8Array[] {
	const bytes = new TextEncoder().encode( text );
	const ends = [ ...cuts, bytes.length ];
	return ends.map( ( end, i ) => bytes.slice( i ? ends[ i - 1 ] : 0, end ) );
}

const DONE =
	'event: done\ndata: {"message":"Hello","session_id":"s","conversation_state":"initial"}\n\n';

describe( 'SSEClient', () => {
	it( 'parses events split across chunks and resolves with done', async () => {
		const { stream, deltas, client } = await openChat();
		stream.push( 'event: delta\ndata: {"te' );
		stream.push(
			'xt":"Hel"}\n\nevent: delta\r\ndata: {"text":"lo"}\r\n\r\n'
		);
		stream.push( ': comment\n\n' + DONE );
		await expect( client.done ).resolves.toEqual( {
			message: 'Hello',
			session_id: 's',
			conversation_state: 'initial',
		} );
		expect( deltas ).toEqual( [ 'Hel', 'lo' ] );
		expect( mockFetch.mock.calls[ 0 ][ 0 ].body.get( 'stream' ) ).toBe(
			'1'
		);
	} );

	it( 'decodes bytes cut inside a multi-byte character and inside CRLF', async () => {
		const { stream, deltas, client } = await openChat();
		const text =
			'event: delta\r\ndata: {"text":"Café 🎓"}\r\n\r\n' +
			'event: delta\r\ndata: {"text":"ok"}\r\n\r\n' +
			DONE;
		const bytes = new TextEncoder().encode( text );
		const eAcute = bytes.indexOf( 0xc3 ); // é is C3 A9
		const cap = bytes.indexOf( 0xf0 ); // 🎓 is four bytes, F0 9F 8E 93
		const chunks = bytesCutAt( text, [
			eAcute + 1,
			cap + 1,
			cap + 3,
			bytes.indexOf( 0x0d, cap ) + 1, // between \r and \n
			bytes.indexOf( 0x0d, cap ) + 3, // between the second \r and \n
		] );
		for ( const chunk of chunks ) {
			stream.push( chunk );
			await tick();
		}
		await expect( client.done ).resolves.toMatchObject( {
			message: 'Hello',
		} );
		expect( deltas ).toEqual( [ 'Café 🎓', 'ok' ] );
		expect( chunks.length ).toBe( 6 );
	} );

	it( 'decodes a stream written one byte at a time', async () => {
		const { stream, deltas, client } = await openChat();
		const text =
			'event: delta\r\ndata: {"text":"naïve — ✓"}\r\n\r\n' + DONE;
		const bytes = new TextEncoder().encode( text );
		bytes.forEach( ( byte ) => stream.push( Uint8Array.of( byte ) ) );
		await expect( client.done ).resolves.toMatchObject( {
			message: 'Hello',
		} );
		expect( deltas ).toEqual( [ 'naïve — ✓' ] );
	} );

	it( 'rejects with the code of an error event, and stops reading', async () => {
		const { stream, deltas, client } = await openChat();
		stream.push(
			'event: error\ndata: {"code":"mpcc_rate_limited","message":"Slow down","retry_after":3}\n\n' +
				'event: delta\ndata: {"text":"late"}\n\n'
		);
		const error = await client.done.catch( ( e ) => e );
		expect( error ).toMatchObject( {
			code: 'mpcc_rate_limited',
			message: 'Slow down',
		} );
		expect( deltas ).toEqual( [] );
		expect( client.closed ).toBe( true );
	} );

	it( 'a stream that ends before done is a bad response', async () => {
		const { stream, client } = await openChat();
		// An event cut off by the end of the stream is not dispatched (the SSE rule).
		stream.push( 'event: delta\ndata: {"text":"a"}\n\nevent: done\n' );
		stream.end();
		await expect( client.done ).rejects.toMatchObject( {
			code: 'mpcc_bad_response',
		} );
	} );

	it( 'close() aborts the request and rejects with mpcc_aborted', async () => {
		const { client } = await openChat();
		client.close();
		await expect( client.done ).rejects.toMatchObject( {
			code: 'mpcc_aborted',
		} );
		expect( client.closed ).toBe( true );
	} );

	it( 'accepts a plain JSON reply, and JSON errors before the stream', async () => {
		// apiFetch with parse:false resolves 2xx Responses and rejects with the others.
		mockFetch.mockResolvedValueOnce(
			fakeResponse( 200, { success: true, data: { message: 'plain' } } )
		);
		await expect(
			new SSEClient( 'mpcc_chat_message', { message: 'x' } ).done
		).resolves.toEqual( { message: 'plain' } );
		mockFetch.mockRejectedValueOnce(
			fakeResponse( 422, {
				success: false,
				data: {
					code: 'mpcc_content_too_short',
					message: 'm',
					suggestion: 'Add more',
				},
			} )
		);
		const error = await new SSEClient( 'mpcc_generate_quiz', {
			content: 'x',
			options: {},
		} ).done.catch( ( e ) => e );
		expect( toErrorInfo( error ) ).toMatchObject( {
			code: 'mpcc_content_too_short',
			suggestion: 'Add more',
			status: 422,
		} );
	} );
} );
