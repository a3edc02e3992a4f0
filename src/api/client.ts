import apiFetch from '@wordpress/api-fetch';
import { getConfig, type NonceKey } from './config';
import { ApiError, CLIENT_ERROR_CODES, normalizeCode } from './errors';
import { describeError } from './error-messages';
import type { AjaxAction, AjaxFields, AjaxReply } from './types';

/**
 * For a config without `actionNonces` (the test pages' hand-written configs): which of `nonces`
 * each action checks. The bridge's `actionNonces` is the source (docs/contracts.md "Ajax actions").
 */
export const ACTION_NONCES: Record< AjaxAction, NonceKey > = {
	mpcc_chat_message: 'editor',
	mpcc_create_course: 'editor',
	mpcc_generate_lesson_content: 'editor',
	mpcc_list_sessions: 'editor',
	mpcc_load_session: 'editor',
	mpcc_delete_session: 'editor',
	mpcc_auto_save_session: 'autoSave',
	mpcc_editor_ai_chat: 'assistant',
	mpcc_generate_quiz: 'quiz',
};

/** Browsers cap keepalive bodies at 64 KiB in flight; stay under it. */
export const KEEPALIVE_LIMIT = 60_000;

export interface RequestOptions {
	signal?: AbortSignal;
	/** Extra form fields (e.g. `stream=1`). */
	extra?: Record< string, string >;
	keepalive?: boolean;
	headers?: Record< string, string >;
}

function nonceFor( action: AjaxAction ): string {
	const config = getConfig();
	return (
		config.actionNonces[ action ] ??
		config.nonces[ ACTION_NONCES[ action ] ]
	);
}

/** Form body: `action`, `nonce`, then fields; objects and arrays go as JSON strings. */
export function buildBody(
	action: AjaxAction,
	fields: object,
	extra: Record< string, string > = {}
): URLSearchParams {
	const body = new URLSearchParams();
	body.set( 'action', action );
	body.set( 'nonce', nonceFor( action ) );
	for ( const [ key, value ] of Object.entries( fields ) ) {
		if ( value === undefined || value === null ) {
			continue;
		}
		if ( typeof value === 'object' ) {
			body.set( key, JSON.stringify( value ) );
		} else if ( typeof value === 'boolean' ) {
			body.set( key, value ? '1' : '0' );
		} else {
			body.set( key, String( value ) );
		}
	}
	for ( const [ key, value ] of Object.entries( extra ) ) {
		body.set( key, value );
	}
	return body;
}

function parseJson( text: string ): unknown {
	try {
		return JSON.parse( text );
	} catch {
		return undefined;
	}
}

function errorFromPayload(
	payload: unknown,
	status: number,
	text = ''
): ApiError {
	const data =
		typeof payload === 'object' && payload !== null && 'data' in payload
			? ( payload as { data: unknown } ).data
			: undefined;
	const record =
		typeof data === 'object' && data !== null
			? ( data as Record< string, unknown > )
			: {};
	let code = normalizeCode( record.code, status );
	// admin-ajax's own answers: "-1" is a failed check_ajax_referer, "0" an unknown action (logged out).
	if ( record.code === undefined ) {
		if ( text.trim() === '-1' ) {
			code = 'mpcc_invalid_nonce';
		} else if ( text.trim() === '0' ) {
			code = 'mpcc_not_logged_in';
		}
	}
	const message =
		typeof record.message === 'string' && record.message
			? record.message
			: describeError( code ).message;
	return new ApiError( code, message, status, record );
}

/** Reads a Response into `data`, or throws an ApiError with a code of docs/contracts.md "Error codes". */
export async function readReply< T >( response: Response ): Promise< T > {
	let text = '';
	try {
		text = await response.text();
	} catch ( error ) {
		throw toTransportError( error );
	}
	const payload = parseJson( text );
	if ( response.ok && isSuccess( payload ) ) {
		return ( payload as { data: T } ).data;
	}
	throw errorFromPayload(
		payload,
		response.ok ? 500 : response.status,
		text
	);
}

function isSuccess( payload: unknown ): boolean {
	return (
		typeof payload === 'object' &&
		payload !== null &&
		( payload as { success?: unknown } ).success === true
	);
}

/** Errors thrown before any reply (network down, aborted) → ApiError. */
export function toTransportError( error: unknown ): ApiError {
	if ( error instanceof ApiError ) {
		return error;
	}
	const name = ( error as { name?: unknown } | null )?.name;
	if ( name === 'AbortError' ) {
		return new ApiError(
			CLIENT_ERROR_CODES.aborted,
			describeError( CLIENT_ERROR_CODES.aborted ).message
		);
	}
	// apiFetch rejects with the Response itself for non-2xx when parse is false.
	if ( typeof Response !== 'undefined' && error instanceof Response ) {
		return new ApiError(
			normalizeCode( undefined, error.status ),
			'',
			error.status
		);
	}
	// apiFetch: { code: 'fetch_error' | 'offline_error' }; fetch: TypeError.
	return new ApiError(
		CLIENT_ERROR_CODES.offline,
		describeError( CLIENT_ERROR_CODES.offline ).message
	);
}

function isResponse( value: unknown ): value is Response {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof ( value as Response ).status === 'number' &&
		typeof ( value as Response ).text === 'function'
	);
}

/**
 * POSTs one ajax action and returns the raw Response, whatever its status.
 * Network failures reject with an `mpcc_offline` ApiError; aborts with `mpcc_aborted`.
 */
export async function post< A extends AjaxAction >(
	action: A,
	fields: AjaxFields< A >,
	options: RequestOptions = {}
): Promise< Response > {
	const body = buildBody( action, fields, options.extra );
	try {
		return await apiFetch< Response, false >( {
			url: getConfig().ajaxUrl,
			method: 'POST',
			body,
			parse: false,
			signal: options.signal,
			keepalive:
				options.keepalive && body.toString().length < KEEPALIVE_LIMIT,
			headers: options.headers,
		} );
	} catch ( error ) {
		if ( isResponse( error ) ) {
			return error;
		}
		throw toTransportError( error );
	}
}

/** One ajax action, its `data` on success; any failure is an ApiError. */
export async function ajax< A extends AjaxAction >(
	action: A,
	fields: AjaxFields< A >,
	options: RequestOptions = {}
): Promise< AjaxReply< A > > {
	const response = await post( action, fields, options );
	return readReply< AjaxReply< A > >( response );
}

/**
 * For `pagehide`: a plain `fetch` with `keepalive` so the request outlives the page.
 * Started synchronously; returns null when the body is over the keepalive limit
 * (the localStorage backup covers that case).
 */
export function sendKeepalive< A extends AjaxAction >(
	action: A,
	fields: AjaxFields< A >
): Promise< AjaxReply< A > > | null {
	const body = buildBody( action, fields );
	if (
		body.toString().length >= KEEPALIVE_LIMIT ||
		typeof fetch !== 'function'
	) {
		return null;
	}
	let request: Promise< Response >;
	try {
		request = fetch( getConfig().ajaxUrl, {
			method: 'POST',
			body,
			keepalive: true,
			credentials: 'same-origin',
			headers: { Accept: 'application/json' },
		} );
	} catch {
		return null;
	}
	return request.then(
		( response ) => readReply< AjaxReply< A > >( response ),
		( error ) => {
			throw toTransportError( error );
		}
	);
}
