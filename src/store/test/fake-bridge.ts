/**
 * A fake admin-ajax bridge for store tests: the only thing mocked is the network. It answers
 * the ajax actions (docs/contracts.md "Ajax actions") from memory (sessions with revisions, 409 on stale auto-save), records
 * every request, can be paused per action (to hold a request in flight), taken offline, or made
 * to answer with a status. Streaming replies are fed chunk by chunk.
 */
import type { ServerSession } from '../../api/types';
import { fakeResponse, type FakeResponse } from '../../api/test/fake-response';

// The replies live with the api client they fake; re-exported for the tests that import them from here.
export { fakeResponse, FakeStream } from '../../api/test/fake-response';
export type { FakeResponse } from '../../api/test/fake-response';

export interface FakeCall {
	action: string;
	fields: Record< string, string >;
	keepalive: boolean;
	via: 'apiFetch' | 'fetch';
}

type Handler = (
	fields: Record< string, string >,
	call: FakeCall,
	signal?: AbortSignal
) => FakeResponse | Promise< FakeResponse >;

export class FakeBridge {
	sessions = new Map< string, ServerSession >();
	calls: FakeCall[] = [];
	offline = false;
	/** Per action: answer with this status and error code instead. */
	failures = new Map<
		string,
		{ status: number; code: string; extra?: Record< string, unknown > }
	>();
	handlers = new Map< string, Handler >();
	private paused = new Map< string, Array< () => void > >();
	private pausedActions = new Set< string >();
	private nextId = 1;
	now = () => new Date( Date.now() ).toISOString();

	callsOf( action: string ): FakeCall[] {
		return this.calls.filter( ( c ) => c.action === action );
	}

	pause( action: string ): void {
		this.pausedActions.add( action );
	}

	/** Lets held requests of `action` go on (and stops holding new ones). */
	resume( action: string ): void {
		this.pausedActions.delete( action );
		const waiting = this.paused.get( action ) ?? [];
		this.paused.delete( action );
		waiting.forEach( ( go ) => go() );
	}

	addSession( partial: Partial< ServerSession > = {} ): ServerSession {
		const id = partial.session_id ?? `sess-${ this.nextId++ }`;
		const session: ServerSession = {
			session_id: id,
			title: 'Server title',
			messages: [],
			course_structure: null,
			conversation_state: 'initial',
			revision: 1,
			updated_at: this.now(),
			...partial,
		};
		this.sessions.set( id, session );
		return session;
	}

	/** Entry point shared by the apiFetch mock and the fetch mock. */
	async request(
		body: URLSearchParams,
		via: FakeCall[ 'via' ],
		keepalive: boolean,
		signal?: AbortSignal
	): Promise< FakeResponse > {
		const fields = Object.fromEntries( body.entries() );
		const action = fields.action ?? '';
		const call: FakeCall = { action, fields, keepalive, via };
		this.calls.push( call );
		if ( this.offline ) {
			throw Object.assign( new TypeError( 'Failed to fetch' ), {
				code: 'fetch_error',
			} );
		}
		if ( this.pausedActions.has( action ) ) {
			await new Promise< void >( ( resolve ) => {
				const list = this.paused.get( action ) ?? [];
				list.push( resolve );
				this.paused.set( action, list );
			} );
		}
		if ( signal?.aborted ) {
			throw Object.assign( new Error( 'aborted' ), {
				name: 'AbortError',
			} );
		}
		const failure = this.failures.get( action );
		if ( failure ) {
			return fakeResponse( failure.status, {
				success: false,
				data: { code: failure.code, message: 'x', ...failure.extra },
			} );
		}
		const custom = this.handlers.get( action );
		if ( custom ) {
			return custom( fields, call, signal );
		}
		return this.defaultHandler( action, fields );
	}

	private ok( data: unknown ): FakeResponse {
		return fakeResponse( 200, { success: true, data } );
	}

	private defaultHandler(
		action: string,
		fields: Record< string, string >
	): FakeResponse {
		switch ( action ) {
			case 'mpcc_auto_save_session': {
				const data = JSON.parse( fields.session_data ?? '{}' );
				const id = fields.session_id ?? '';
				const existing = id ? this.sessions.get( id ) : undefined;
				if ( id && ! existing ) {
					return fakeResponse( 404, {
						success: false,
						data: { code: 'mpcc_not_found', message: 'x' },
					} );
				}
				if (
					existing &&
					Number( fields.revision ) !== existing.revision
				) {
					return fakeResponse( 409, {
						success: false,
						data: {
							code: 'mpcc_conflict',
							message: 'stale',
							server_session: existing,
						},
					} );
				}
				const session = this.addSession( {
					...( existing ?? {} ),
					session_id:
						existing?.session_id ?? `sess-${ this.nextId++ }`,
					title: data.title || existing?.title || '',
					messages: data.messages,
					// As the bridge: no outline key keeps the stored outline; an empty title keeps the title.
					course_structure:
						'course_structure' in data
							? data.course_structure
							: ( existing?.course_structure ?? null ),
					conversation_state: data.conversation_state,
					post_id: data.post_id ?? existing?.post_id ?? null,
					revision: ( existing?.revision ?? 0 ) + 1,
					updated_at: this.now(),
				} );
				return this.ok( {
					auto_saved: true,
					revision: session.revision,
					session_id: session.session_id,
				} );
			}
			case 'mpcc_load_session': {
				const session = this.sessions.get( fields.session_id ?? '' );
				return session
					? this.ok( { session } )
					: fakeResponse( 404, {
							success: false,
							data: { code: 'mpcc_not_found', message: 'x' },
						} );
			}
			case 'mpcc_list_sessions': {
				// As the bridge answers: newest first, one page of `per_page`.
				const all = [ ...this.sessions.values() ]
					.filter(
						( s ) =>
							! fields.post_id ||
							String( s.post_id ) === fields.post_id
					)
					.sort( ( a, b ) =>
						b.updated_at.localeCompare( a.updated_at )
					);
				const perPage = Number( fields.per_page ?? 20 );
				const from = ( Number( fields.page ?? 1 ) - 1 ) * perPage;
				return this.ok( {
					sessions: all
						.slice( from, from + perPage )
						.map( ( s ) => ( {
							session_id: s.session_id,
							title: s.title,
							updated_at: s.updated_at,
							conversation_state: s.conversation_state,
							post_id: s.post_id,
						} ) ),
					total: all.length,
				} );
			}
			case 'mpcc_delete_session':
				this.sessions.delete( fields.session_id ?? '' );
				return this.ok( { deleted: true } );
			case 'mpcc_create_course':
				return this.ok( {
					course_id: 42,
					sections_created: 1,
					lessons_created: 2,
					edit_url: '/edit/42',
					preview_url: '/c/42',
				} );
			case 'mpcc_generate_lesson_content':
				return this.ok( {
					content: `<p>${ fields.lesson_id }</p>`,
					draft_saved: true,
				} );
			case 'mpcc_chat_message': {
				const id = fields.session_id || `sess-${ this.nextId++ }`;
				const existing = this.sessions.get( id );
				const session = this.addSession( {
					...( existing ?? {} ),
					session_id: id,
					messages: [
						...( existing?.messages ?? [] ),
						{ role: 'user', content: fields.message ?? '' },
						{
							role: 'assistant',
							content: `Echo: ${ fields.message }`,
						},
					],
					revision: ( existing?.revision ?? 0 ) + 1,
				} );
				return this.ok( {
					message: `Echo: ${ fields.message }`,
					session_id: id,
					conversation_state: session.conversation_state,
					revision: session.revision,
					demo: true,
				} );
			}
			case 'mpcc_editor_ai_chat':
				return this.ok( {
					message: 'Try a shorter intro.',
					suggestions: [],
					context: {},
					session_id: fields.session_id || 'sess-post',
				} );
			case 'mpcc_generate_quiz':
				return this.ok( {
					questions: [],
					total: 0,
					type: 'multiple_choice',
					quality_score: 0,
					demo: true,
				} );
		}
		return fakeResponse( 400, '0', 'text/html' );
	}
}

/**
 * Installs `bridge` behind the mocked apiFetch (jest.mock( '@wordpress/api-fetch' ) in the test
 * file) and behind global fetch (for the keepalive unload flush).
 */
export function installBridge( bridge: FakeBridge ): void {
	const apiFetch = require( '@wordpress/api-fetch' ).default as jest.Mock;
	apiFetch.mockImplementation(
		async ( options: {
			body: URLSearchParams;
			keepalive?: boolean;
			signal?: AbortSignal;
		} ) => {
			let response: FakeResponse;
			try {
				response = await bridge.request(
					options.body,
					'apiFetch',
					!! options.keepalive,
					options.signal
				);
			} catch ( error ) {
				if ( ( error as { name?: string } ).name === 'AbortError' ) {
					throw error;
				}
				// What apiFetch does on a network failure.
				throw {
					code: 'fetch_error',
					message: 'Could not get a valid response from the server.',
				};
			}
			if ( ! response.ok ) {
				throw response;
			}
			return response;
		}
	);
	( globalThis as { fetch?: unknown } ).fetch = jest.fn(
		(
			_url: string,
			init: { body: URLSearchParams; keepalive?: boolean }
		) => bridge.request( init.body, 'fetch', !! init.keepalive )
	);
}

/** Let pending promise callbacks run (with fake timers, advanceTimersByTimeAsync does this too). */
export async function flushPromises( rounds = 20 ): Promise< void > {
	for ( let i = 0; i < rounds; i++ ) {
		await Promise.resolve();
	}
}
