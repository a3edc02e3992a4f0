/**
 * The assistant sidebar when a reply stops or fails: Stop and retry, errors with their next step,
 * an expired nonce.
 */
import './editor-mocks';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { editorStore, registerTestBlocks } from './editor-fakes';
import {
	bridge,
	chatCalls,
	inConversation,
	ready,
	reply,
	resetSidebar,
	setup,
	streams,
} from './sidebar-harness';

beforeAll( registerTestBlocks );
beforeEach( resetSidebar );

describe( 'assistant sidebar errors', () => {
	it( 'stops a streaming reply and retries it with the current context', async () => {
		const { registry } = setup();
		await ready();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Summarize' } )
		);
		await waitFor( () => expect( streams ).toHaveLength( 1 ) );
		await act( async () => {
			streams[ 0 ]!.event( 'delta', { text: 'Partial ' } );
		} );
		await userEvent.click(
			await screen.findByRole( 'button', { name: 'Stop' } )
		);
		expect(
			await screen.findByText( 'No reply to your last message.' )
		).toBeInTheDocument();
		expect( screen.getByText( 'Not answered' ) ).toBeInTheDocument();

		act( () => {
			registry
				.dispatch( editorStore )
				.editPost( { title: 'Edited meanwhile' } );
		} );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Retry' } )
		);
		await waitFor( () => expect( streams ).toHaveLength( 2 ) );
		const retried = chatCalls()[ 1 ]!;
		expect( retried.fields.message ).toBe( 'Summarize this lesson.' );
		expect( JSON.parse( retried.fields.context ?? '{}' ).title ).toBe(
			'Edited meanwhile'
		);
		await reply( streams[ 1 ]!, 'A summary.' );
		expect( await inConversation( 'A summary.' ) ).toBeInTheDocument();
		expect(
			screen.queryByText( 'No reply to your last message.' )
		).not.toBeInTheDocument();
	} );

	it( 'shows an error with its next step, and Try again sends the message again', async () => {
		setup();
		await ready();
		bridge.failures.set( 'mpcc_editor_ai_chat', {
			status: 503,
			code: 'mpcc_ai_service_error',
		} );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Summarize' } )
		);
		expect(
			await screen.findByText( 'The AI service is not answering.' )
		).toBeInTheDocument();
		expect(
			screen.getByText( 'Try again in a moment.' )
		).toBeInTheDocument();
		bridge.failures.delete( 'mpcc_editor_ai_chat' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Try again' } )
		);
		await waitFor( () => expect( streams ).toHaveLength( 1 ) );
		await reply( streams[ 0 ]!, 'Back again.' );
		expect( await inConversation( 'Back again.' ) ).toBeInTheDocument();
		expect(
			screen.queryByText( 'The AI service is not answering.' )
		).not.toBeInTheDocument();
	} );

	it( 'an expired nonce offers a reload and stops sending', async () => {
		setup();
		const box = await ready();
		bridge.failures.set( 'mpcc_editor_ai_chat', {
			status: 403,
			code: 'mpcc_invalid_nonce',
		} );
		fireEvent.change( box, { target: { value: 'Hello' } } );
		fireEvent.submit( box.closest( 'form' )! );
		expect(
			await screen.findByText( 'Your session expired.' )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Reload page' } )
		).toBeInTheDocument();
		await waitFor( () => expect( box ).toBeDisabled() );
		expect(
			screen.getByRole( 'button', { name: 'Summarize' } )
		).toBeDisabled();
	} );
} );
