import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChatPanel } from '..';
import { ANNOUNCE_INTERVAL } from '../use-stream-announcer';
import type { ChatPanelMessage } from '../types';

const noop = () => undefined;

describe( 'ChatPanel', () => {
	it( 'offers example prompts on the empty state and sends the one clicked', async () => {
		const onSend = jest.fn();
		render(
			<ChatPanel
				messages={ [] }
				onSend={ onSend }
				examplePrompts={ [
					'A course on sourdough',
					'Intro to Python',
				] }
			/>
		);
		expect(
			screen.getByRole( 'heading', {
				name: 'What would you like to teach?',
			} )
		).toBeInTheDocument();
		screen.getByRole( 'button', { name: 'Intro to Python' } ).focus();
		await userEvent.keyboard( '{Enter}' );
		expect( onSend ).toHaveBeenCalledWith( 'Intro to Python' );
		// The prompts go with the empty state; the keyboard's focus goes on to the message box.
		expect(
			screen.getByRole( 'textbox', { name: 'Message' } )
		).toHaveFocus();
	} );

	it( 'sends on Enter, keeps Shift+Enter as a new line, and clears the box', async () => {
		const onSend = jest.fn();
		render( <ChatPanel messages={ [] } onSend={ onSend } /> );
		const box = screen.getByRole( 'textbox', { name: 'Message' } );
		await userEvent.type( box, 'first line{Shift>}{Enter}{/Shift}second' );
		expect( onSend ).not.toHaveBeenCalled();
		expect( box ).toHaveValue( 'first line\nsecond' );
		await userEvent.type( box, '{Enter}' );
		expect( onSend ).toHaveBeenCalledWith( 'first line\nsecond' );
		expect( box ).toHaveValue( '' );
	} );

	it( 'does not send blank messages', async () => {
		const onSend = jest.fn();
		render( <ChatPanel messages={ [] } onSend={ onSend } /> );
		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'Message' } ),
			'   {Enter}'
		);
		expect( onSend ).not.toHaveBeenCalled();
		expect( screen.getByRole( 'button', { name: 'Send' } ) ).toBeDisabled();
	} );

	it( 'shows the streamed reply with a Stop button', async () => {
		const onStop = jest.fn();
		const messages: ChatPanelMessage[] = [
			{ role: 'user', content: 'Teach knots' },
		];
		render(
			<ChatPanel
				messages={ messages }
				onSend={ noop }
				onStop={ onStop }
				status="streaming"
				streamingText="Here is a first"
			/>
		);
		expect( screen.getByText( 'Teach knots' ) ).toBeInTheDocument();
		expect( screen.getByText( 'Here is a first' ) ).toBeInTheDocument();
		expect(
			screen.queryByRole( 'button', { name: 'Send' } )
		).not.toBeInTheDocument();
		await userEvent.click( screen.getByRole( 'button', { name: 'Stop' } ) );
		expect( onStop ).toHaveBeenCalled();
	} );

	it( 'offers Retry after a stopped reply, and Try again on an error', async () => {
		const onRetry = jest.fn();
		const messages: ChatPanelMessage[] = [
			{ role: 'user', content: 'Teach knots', failed: true },
		];
		const { rerender } = render(
			<ChatPanel
				messages={ messages }
				onSend={ noop }
				onRetry={ onRetry }
			/>
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Retry' } )
		);
		expect( onRetry ).toHaveBeenCalledTimes( 1 );
		rerender(
			<ChatPanel
				messages={ messages }
				onSend={ noop }
				onRetry={ onRetry }
				status="error"
				error={ {
					code: 'mpcc_ai_service_error',
					message: 'x',
					status: 503,
				} }
			/>
		);
		expect(
			screen.getByText( 'The AI service is not answering.' )
		).toBeInTheDocument();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Try again' } )
		);
		expect( onRetry ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'shows the demo banner while the provider is the demo; earlier demo replies keep their own label', () => {
		const { rerender } = render(
			<ChatPanel messages={ [] } onSend={ noop } />
		);
		expect( screen.queryByText( 'Demo model' ) ).not.toBeInTheDocument();
		rerender( <ChatPanel messages={ [] } onSend={ noop } demo /> );
		expect( screen.getByText( 'Demo model' ) ).toBeInTheDocument();
		// A real provider now: no banner, though an earlier reply was the demo's.
		rerender(
			<ChatPanel
				messages={ [
					{ role: 'assistant', content: 'Hi', demo: true },
				] }
				onSend={ noop }
			/>
		);
		expect( screen.queryByText( 'Demo model' ) ).not.toBeInTheDocument();
		expect( screen.getByText( 'Demo' ) ).toBeInTheDocument();
	} );

	it( 'announces streamed text politely, throttled, and the rest when the reply ends', () => {
		jest.useFakeTimers();
		try {
			const user: ChatPanelMessage = {
				role: 'user',
				content: 'Teach knots',
			};
			const { rerender, container } = render(
				<ChatPanel
					messages={ [ user ] }
					onSend={ noop }
					status="streaming"
					streamingText="Here"
				/>
			);
			const live = container.querySelector(
				'.mpcc-chat__live'
			) as HTMLElement;
			expect( live ).toHaveAttribute( 'aria-live', 'polite' );
			rerender(
				<ChatPanel
					messages={ [ user ] }
					onSend={ noop }
					status="streaming"
					streamingText="Here is"
				/>
			);
			rerender(
				<ChatPanel
					messages={ [ user ] }
					onSend={ noop }
					status="streaming"
					streamingText="Here is a first"
				/>
			);
			expect( live ).toHaveTextContent( '' );
			act( () => {
				jest.advanceTimersByTime( ANNOUNCE_INTERVAL );
			} );
			expect( live ).toHaveTextContent( 'Here is a first' );
			rerender(
				<ChatPanel
					messages={ [ user ] }
					onSend={ noop }
					status="streaming"
					streamingText="Here is a first outline"
				/>
			);
			rerender(
				<ChatPanel
					messages={ [
						user,
						{
							role: 'assistant',
							content: 'Here is a first outline.',
						},
					] }
					onSend={ noop }
					status="done"
				/>
			);
			expect( live ).toHaveTextContent( 'outline.' );
			expect( live ).not.toHaveTextContent( 'Here is' );
		} finally {
			jest.useRealTimers();
		}
	} );

	it( 'keeps the composer usable from the keyboard alone', () => {
		const onSend = jest.fn();
		render( <ChatPanel messages={ [] } onSend={ onSend } /> );
		const box = screen.getByRole( 'textbox', { name: 'Message' } );
		fireEvent.change( box, { target: { value: 'Hello' } } );
		fireEvent.submit( box.closest( 'form' ) as HTMLFormElement );
		expect( onSend ).toHaveBeenCalledWith( 'Hello' );
	} );
} );
