import apiFetch from '@wordpress/api-fetch';
import { ajax, buildBody, sendKeepalive, KEEPALIVE_LIMIT } from '../client';
import { ApiError, CLIENT_ERROR_CODES } from '../errors';
import { describeError, toErrorInfo } from '../error-messages';
import { ERROR_CODES } from '../../schemas/errors';
import { fakeResponse } from './fake-response';
import { setConfig } from '../../store/test/helpers';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );
const mockFetch = apiFetch as unknown as jest.Mock;

beforeEach( () => {
	setConfig();
	mockFetch.mockReset();
} );

/** apiFetch with parse:false resolves 2xx Responses and rejects with the others. */
function reply( status: number, body: unknown, type?: string ) {
	const response = fakeResponse( status, body, type );
	mockFetch.mockImplementation( async () => {
		if ( ! response.ok ) {
			throw response;
		}
		return response;
	} );
}

describe( 'buildBody', () => {
	it( 'sends the nonce the bridge printed for the action in actionNonces', () => {
		setConfig();
		const config = (
			window as unknown as {
				mpccConfig: { actionNonces?: Record< string, string > };
			}
		 ).mpccConfig;
		config.actionNonces = {
			mpcc_delete_session: 'a-delete',
			mpcc_generate_quiz: 'a-quiz',
		};
		const sent = (
			[
				'mpcc_delete_session',
				'mpcc_generate_quiz',
				'mpcc_load_session',
			] as const
		 ).map( ( action ) => buildBody( action, {} ).get( 'nonce' ) );
		// mpcc_load_session is not in the table: the page's nonce of its kind.
		expect( sent ).toEqual( [ 'a-delete', 'a-quiz', 'n-editor' ] );
	} );

	it( 'sends action, the nonce for the action, and JSON-valued fields as JSON strings', () => {
		const body = buildBody( 'mpcc_auto_save_session', {
			session_id: 'a',
			revision: 3,
			session_data: { title: 't' },
			skip: undefined,
			flag: true,
		} );
		expect( Object.fromEntries( body.entries() ) ).toEqual( {
			action: 'mpcc_auto_save_session',
			nonce: 'n-autosave',
			session_id: 'a',
			revision: '3',
			session_data: '{"title":"t"}',
			flag: '1',
		} );
		expect( buildBody( 'mpcc_generate_quiz', {} ).get( 'nonce' ) ).toBe(
			'n-quiz'
		);
		expect( buildBody( 'mpcc_editor_ai_chat', {} ).get( 'nonce' ) ).toBe(
			'n-assistant'
		);
		expect( buildBody( 'mpcc_delete_session', {} ).get( 'nonce' ) ).toBe(
			'n-editor'
		);
	} );
} );

describe( 'ajax', () => {
	it( 'POSTs a form body to the configured admin-ajax URL and returns data', async () => {
		reply( 200, { success: true, data: { deleted: true } } );
		await expect(
			ajax( 'mpcc_delete_session', { session_id: 'x' } )
		).resolves.toEqual( { deleted: true } );
		const options = mockFetch.mock.calls[ 0 ][ 0 ];
		expect( options ).toMatchObject( {
			url: '/wp-admin/admin-ajax.php',
			method: 'POST',
			parse: false,
		} );
		expect( options.body ).toBeInstanceOf( URLSearchParams );
	} );

	it.each( [
		[
			403,
			{
				success: false,
				data: { code: 'mpcc_invalid_nonce', message: 'm' },
			},
			'mpcc_invalid_nonce',
		],
		[
			409,
			{
				success: false,
				data: {
					code: 'mpcc_conflict',
					message: 'm',
					server_session: {},
				},
			},
			'mpcc_conflict',
		],
		[
			429,
			{
				success: false,
				data: {
					code: 'mpcc_rate_limited',
					message: 'm',
					retry_after: 5,
				},
			},
			'mpcc_rate_limited',
		],
		[ 403, '-1', 'mpcc_invalid_nonce' ],
		[ 400, '0', 'mpcc_not_logged_in' ],
		[ 502, '<html>Bad gateway</html>', 'mpcc_ai_service_error' ],
		[
			500,
			{ success: false, data: { code: 'something_else' } },
			'mpcc_general',
		],
		[
			200,
			{ success: false, data: { code: 'mpcc_forbidden', message: 'm' } },
			'mpcc_forbidden',
		],
		[ 200, 'not json', 'mpcc_general' ],
	] )( 'status %s %j → %s', async ( status, body, code ) => {
		reply( status, body );
		const error = await ajax( 'mpcc_load_session', {
			session_id: 'x',
		} ).catch( ( e ) => e );
		expect( error ).toBeInstanceOf( ApiError );
		expect( error.code ).toBe( code );
	} );

	it( 'keeps the extra data of an error (retry_after, server_session)', async () => {
		reply( 429, {
			success: false,
			data: { code: 'mpcc_rate_limited', message: 'm', retry_after: 5 },
		} );
		const error = await ajax( 'mpcc_chat_message', { message: 'x' } ).catch(
			( e ) => e
		);
		expect( toErrorInfo( error ) ).toEqual( {
			code: 'mpcc_rate_limited',
			status: 429,
			retryAfter: 5,
			message: 'Too many requests right now.',
		} );
	} );

	it( "a refusal is shown in the model's own words", async () => {
		reply( 422, {
			success: false,
			data: {
				code: 'mpcc_ai_refused',
				message: 'm',
				model_text: "I can't help with that.",
			},
		} );
		const error = await ajax( 'mpcc_chat_message', { message: 'x' } ).catch(
			( e ) => e
		);
		expect( toErrorInfo( error ) ).toEqual( {
			code: 'mpcc_ai_refused',
			status: 422,
			message: "The AI declined this request: “I can't help with that.”",
		} );
	} );

	it( 'network failure → mpcc_offline; abort → mpcc_aborted', async () => {
		mockFetch.mockRejectedValue( { code: 'fetch_error', message: 'x' } );
		expect(
			( await ajax( 'mpcc_list_sessions', {} ).catch( ( e ) => e ) ).code
		).toBe( CLIENT_ERROR_CODES.offline );
		mockFetch.mockRejectedValue(
			Object.assign( new Error( 'x' ), { name: 'AbortError' } )
		);
		expect(
			( await ajax( 'mpcc_list_sessions', {} ).catch( ( e ) => e ) ).code
		).toBe( CLIENT_ERROR_CODES.aborted );
	} );
} );

describe( 'sendKeepalive', () => {
	it( 'uses fetch with keepalive, synchronously', async () => {
		const fetchMock = jest.fn( async () =>
			fakeResponse( 200, {
				success: true,
				data: { auto_saved: true, revision: 2 },
			} )
		);
		( globalThis as { fetch?: unknown } ).fetch = fetchMock;
		const pending = sendKeepalive( 'mpcc_auto_save_session', {
			session_id: 'a',
			revision: 1,
			session_data: {
				title: 't',
				messages: [],
				course_structure: null,
				conversation_state: 'initial',
			},
		} );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		expect( fetchMock.mock.calls[ 0 ] ).toEqual( [
			'/wp-admin/admin-ajax.php',
			expect.objectContaining( { keepalive: true, method: 'POST' } ),
		] );
		await expect( pending ).resolves.toEqual( {
			auto_saved: true,
			revision: 2,
		} );
	} );

	it( 'declines bodies over the keepalive limit', () => {
		const fetchMock = jest.fn();
		( globalThis as { fetch?: unknown } ).fetch = fetchMock;
		const big = 'x'.repeat( KEEPALIVE_LIMIT );
		expect(
			sendKeepalive( 'mpcc_auto_save_session', {
				session_id: 'a',
				revision: 1,
				session_data: {
					title: big,
					messages: [],
					course_structure: null,
					conversation_state: 'initial',
				},
			} )
		).toBeNull();
		expect( fetchMock ).not.toHaveBeenCalled();
	} );
} );

describe( 'error messages', () => {
	it( 'every code has a distinct message and a next step', () => {
		const codes = [
			...ERROR_CODES,
			...Object.values( CLIENT_ERROR_CODES ),
		];
		const messages = codes.map( ( code ) => describeError( code ) );
		messages.forEach( ( m ) => {
			expect( m.message ).toBeTruthy();
			expect( m.nextStep ).toBeTruthy();
		} );
		expect( new Set( messages.map( ( m ) => m.message ) ).size ).toBe(
			codes.length
		);
		expect( describeError( 'mpcc_invalid_nonce' ).recovery ).toBe(
			'reload'
		);
		expect( describeError( 'mpcc_rate_limited', 12 ).nextStep ).toContain(
			'12'
		);
	} );
} );
