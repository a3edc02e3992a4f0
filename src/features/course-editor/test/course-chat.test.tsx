/**
 * The course editor's chat: a streamed reply becomes the outline; a failed one is explained and retried.
 */
import './app-mocks';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeStream } from '../../../store/test/fake-bridge';
import * as app from './app-harness';

// Typing into the outline's fields is slow in jsdom.
jest.setTimeout( 30_000 );

beforeEach( app.reset );

describe( 'CourseEditorApp chat', () => {
	it( 'streams a reply and shows the outline the AI proposes', async () => {
		const streams: FakeStream[] = [];
		app.bridge.handlers.set(
			'mpcc_chat_message',
			( _fields, _call, signal ) => {
				const stream = new FakeStream( signal );
				streams.push( stream );
				return stream.response();
			}
		);
		const { select } = app.renderApp();
		expect(
			await screen.findByRole( 'heading', {
				name: 'What would you like to teach?',
			} )
		).toBeInTheDocument();
		expect( screen.getByText( 'Demo model' ) ).toBeInTheDocument();

		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'Message' } ),
			'A course on watercolor{Enter}'
		);
		expect(
			await screen.findByText( 'A course on watercolor' )
		).toBeInTheDocument();
		await waitFor( () => expect( streams ).toHaveLength( 1 ) );
		const stream = streams[ 0 ] as FakeStream;
		act( () => stream.event( 'delta', { text: 'Here is an outline' } ) );
		expect(
			await screen.findByText( 'Here is an outline' )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Stop' } )
		).toBeInTheDocument();
		act( () =>
			stream.event( 'structure', {
				course_structure: app.STRUCTURE,
				conversation_state: 'course_structure',
			} )
		);
		expect(
			await screen.findByRole( 'textbox', { name: 'Course title' } )
		).toHaveValue( 'Watercolor Basics' );
		// With an outline to shape, the message box asks for changes rather than a course.
		expect(
			screen.getByRole( 'textbox', { name: 'Message' } )
		).toHaveAttribute(
			'placeholder',
			'Ask for changes to the outline, or say it looks good…'
		);
		act( () => {
			stream.event( 'done', {
				message: 'Here is an outline.',
				session_id: 'sess-9',
				conversation_state: 'course_structure',
				demo: true,
			} );
			stream.end();
		} );
		await waitFor( () =>
			expect( select().getSessionId() ).toBe( 'sess-9' )
		);
		expect( app.sectionTitles() ).toEqual( [
			'Getting Started',
			'Techniques',
			'Projects',
		] );
		await waitFor( () =>
			expect( window.location.search ).toContain( 'session=sess-9' )
		);
	} );

	it( 'explains a failed reply and retries it', async () => {
		app.bridge.failures.set( 'mpcc_chat_message', {
			status: 503,
			code: 'mpcc_ai_service_error',
		} );
		app.renderApp();
		await userEvent.type(
			await screen.findByRole( 'textbox', { name: 'Message' } ),
			'Teach knots{Enter}'
		);
		expect(
			await screen.findByText( 'The AI service is not answering.' )
		).toBeInTheDocument();
		app.bridge.failures.delete( 'mpcc_chat_message' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Try again' } )
		);
		expect(
			await screen.findByText( 'Echo: Teach knots', {
				selector: '.mpcc-message__text',
			} )
		).toBeInTheDocument();
		expect( app.bridge.callsOf( 'mpcc_chat_message' ) ).toHaveLength( 2 );
	} );
} );
