/**
 * The assistant sidebar when a reply stops or fails: Stop and retry, errors with their next step,
 * an expired nonce.
 */
import './editor-mocks';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { editorStore, registerTestBlocks } from './editor-fakes';
import * as harness from './sidebar-harness';

beforeAll( registerTestBlocks );
beforeEach( harness.resetSidebar );

describe( 'assistant sidebar errors', () => {
	it( 'stops a streaming reply and retries it with the current context', async () => {
		const { registry } = harness.setup();
		await harness.ready();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Summarize' } )
		);
		await harness.streamStarted();
		await act( async () => {
			harness.streams[ 0 ]!.event( 'delta', { text: 'Partial ' } );
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
		await waitFor( () => expect( harness.streams ).toHaveLength( 2 ) );
		const retried = harness.chatCalls()[ 1 ]!;
		expect( retried.fields.message ).toBe( 'Summarize this lesson.' );
		expect( JSON.parse( retried.fields.context ?? '{}' ).title ).toBe(
			'Edited meanwhile'
		);
		await harness.reply( harness.streams[ 1 ]!, 'A summary.' );
		expect(
			await harness.inConversation( 'A summary.' )
		).toBeInTheDocument();
		expect(
			screen.queryByText( 'No reply to your last message.' )
		).not.toBeInTheDocument();
	} );

	it( 'shows an error with its next step, and Try again sends the message again', async () => {
		harness.setup();
		await harness.ready();
		harness.bridge.failures.set( 'mpcc_editor_ai_chat', {
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
		harness.bridge.failures.delete( 'mpcc_editor_ai_chat' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Try again' } )
		);
		await harness.streamStarted();
		await harness.reply( harness.streams[ 0 ]!, 'Back again.' );
		expect(
			await harness.inConversation( 'Back again.' )
		).toBeInTheDocument();
		expect(
			screen.queryByText( 'The AI service is not answering.' )
		).not.toBeInTheDocument();
	} );

	it( 'an expired nonce offers a reload and stops sending', async () => {
		harness.setup();
		const box = await harness.ready();
		harness.bridge.failures.set( 'mpcc_editor_ai_chat', {
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
