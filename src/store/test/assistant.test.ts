/** Thunks of `mpcc/session`: The sidebar assistant: context, suggestion cards, Stop, Retry. */
import { fakeResponse, flushPromises } from './fake-bridge';
import { makeRegistry } from './helpers';
import { bridge, streamFor } from './thunk-env';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

describe( 'assistant sidebar', () => {
	it( 'sends the live editor context and stores suggestions', async () => {
		const { dispatch, select } = makeRegistry();
		await dispatch().openPostSession( 5, 'mpcs-lesson' );
		const stream = streamFor( 'mpcc_editor_ai_chat' );
		const context = {
			title: 'Lesson',
			content: '<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->',
			selected_block: null,
		};
		const done = dispatch().sendAssistantMessage(
			'Improve the intro',
			context
		);
		await flushPromises();
		const suggestion = {
			id: 'g1',
			label: 'Better title',
			type: 'set_title' as const,
			title: 'Better',
		};
		stream.current!.event( 'suggestions', { suggestions: [ suggestion ] } );
		await flushPromises();
		expect( select().getSuggestions() ).toEqual( [ suggestion ] );
		stream.current!.event( 'done', {
			message: 'Done',
			suggestions: [ suggestion ],
			session_id: 'PS',
			context: {},
		} );
		expect( await done ).toBe( true );
		expect( select().getSessionId() ).toBe( 'PS' );
		const call = bridge.callsOf( 'mpcc_editor_ai_chat' )[ 0 ]!;
		expect( call.fields ).toMatchObject( {
			nonce: 'n-assistant',
			post_id: '5',
			post_type: 'mpcs-lesson',
			message: 'Improve the intro',
		} );
		expect( JSON.parse( call.fields.context! ) ).toEqual( context );
		await dispatch().dismissSuggestion( 'g1' );
		expect( select().getSuggestions() ).toEqual( [] );
	} );

	it( 'keeps every reply’s cards with their state and target in the session, across a new message and a reload', async () => {
		bridge.addSession( { session_id: 'PS', post_id: 5, revision: 1 } );
		const replace = {
			id: 's1',
			label: 'Rewrite the opening',
			type: 'replace_block' as const,
			content: '<!-- wp:paragraph --><p>New</p><!-- /wp:paragraph -->',
		};
		const title = {
			id: 's2',
			label: 'Better title',
			type: 'set_title' as const,
			title: 'Better',
		};
		const summary = {
			id: 's1',
			label: 'Add a summary',
			type: 'insert_blocks' as const,
			position: 'end' as const,
			content:
				'<!-- wp:paragraph --><p>In short</p><!-- /wp:paragraph -->',
		};
		// As the bridge does it: the exchange is stored with the reply's suggestions.
		const replies = [ [ replace, title ], [ summary ] ];
		bridge.handlers.set( 'mpcc_editor_ai_chat', ( fields ) => {
			const session = bridge.sessions.get( 'PS' )!;
			const suggestions = replies.shift() ?? [];
			bridge.addSession( {
				...session,
				messages: [
					...session.messages,
					{ role: 'user', content: fields.message ?? '' },
					{ role: 'assistant', content: 'Ideas.', suggestions },
				],
				revision: session.revision + 1,
			} );
			return fakeResponse( 200, {
				success: true,
				data: {
					message: 'Ideas.',
					suggestions,
					session_id: 'PS',
					revision: session.revision + 1,
				},
			} );
		} );
		const target = {
			client_id: 'block-1',
			name: 'core/paragraph',
			path: [ 0 ],
			content: '<!-- wp:paragraph --><p>Old</p><!-- /wp:paragraph -->',
		};
		const context = { title: 'Lesson', content: '', selected_block: null };

		const first = makeRegistry();
		await first.dispatch().openPostSession( 5, 'mpcs-lesson' );
		await first
			.dispatch()
			.sendAssistantMessage( 'Ideas?', context, target );
		await first.dispatch().setSuggestionState( 1, 's1', 'applied' );
		await first.dispatch().dismissSuggestion( 's2' );
		await first.dispatch().sendAssistantMessage( 'More?', context, null );

		const cards = ( r: ReturnType< typeof makeRegistry > ) =>
			r
				.select()
				.getSuggestionCards()
				.map( ( c ) => [
					c.messageIndex,
					c.card.label,
					c.card.state ?? 'open',
					c.card.target?.client_id ?? null,
				] );
		const expected = [
			[ 1, 'Rewrite the opening', 'applied', 'block-1' ],
			[ 3, 'Add a summary', 'open', null ],
		];
		expect( cards( first ) ).toEqual( expected );

		// A reload: the server's copy has the same cards, states and target.
		const again = makeRegistry();
		await again.dispatch().openPostSession( 5, 'mpcs-lesson' );
		expect( cards( again ) ).toEqual( expected );
		const stored = bridge.sessions.get( 'PS' )!.messages[ 1 ] as {
			suggestions: Array< { state?: string } >;
		};
		expect( stored.suggestions.map( ( c ) => c.state ) ).toEqual( [
			'applied',
			'dismissed',
		] );
	} );

	it( 'retry resends with the last context', async () => {
		const { dispatch } = makeRegistry();
		await dispatch().openPostSession( 5, 'mpcs-lesson' );
		bridge.failures.set( 'mpcc_editor_ai_chat', {
			status: 503,
			code: 'mpcc_ai_service_error',
		} );
		await dispatch().sendAssistantMessage( 'q', {
			title: 'T',
			content: 'c',
		} );
		bridge.failures.clear();
		expect( await dispatch().retryMessage() ).toBe( true );
		expect( bridge.callsOf( 'mpcc_editor_ai_chat' ) ).toHaveLength( 2 );
		expect(
			JSON.parse(
				bridge.callsOf( 'mpcc_editor_ai_chat' )[ 1 ]!.fields.context!
			).title
		).toBe( 'T' );
	} );

	it( 'Stop on the post’s first reply waits for the conversation’s name, then stops the turn on the server too', async () => {
		const { dispatch, select } = makeRegistry();
		await dispatch().openPostSession( 5, 'mpcs-lesson' );
		const stream = streamFor( 'mpcc_editor_ai_chat' );
		const sent = dispatch().sendAssistantMessage( 'Summarize', {
			title: 'T',
			content: 'c',
		} );
		await flushPromises();
		await dispatch().stopMessage();
		await flushPromises();
		expect( bridge.callsOf( 'mpcc_auto_save_session' ) ).toHaveLength( 0 );

		// The bridge stored the post's first conversation with its question and names it first.
		bridge.addSession( {
			session_id: 'PS',
			post_id: 5,
			revision: 1,
			messages: [ { role: 'user', content: 'Summarize' } ],
		} );
		stream.current!.event( 'session', {
			session_id: 'PS',
			title: 'Lesson',
			revision: 1,
		} );
		stream.current!.event( 'delta', { text: 'In short' } );
		expect( await sent ).toBe( false );
		await flushPromises();
		expect( select().getSessionId() ).toBe( 'PS' );
		expect( select().getStreamingText() ?? '' ).toBe( '' );
		// Saved on Stop: the revision moved, so the server drops the turn it was writing.
		expect( bridge.sessions.get( 'PS' )?.revision ).toBe( 2 );
		expect( select().getRetryableMessage()?.content ).toBe( 'Summarize' );
	} );
} );
