/**
 * The composer refuses a message over the bridge's limit before anything is sent, keeps the text,
 * and counts characters as the bridge does.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from '@wordpress/element';
import userEvent from '@testing-library/user-event';
import { MAX_MESSAGE_LENGTH } from '../../../schemas/conversation';
import { Composer, MESSAGE_MAX_LENGTH, characterCount } from '../composer';

it( 'uses the same limit as the shared schema and counts code points', () => {
	expect( MESSAGE_MAX_LENGTH ).toBe( MAX_MESSAGE_LENGTH );
	expect( characterCount( 'a😀b' ) ).toBe( 3 );
} );

it( 'refuses a message over 8,000 characters before sending and keeps the text', async () => {
	const onSend = jest.fn();
	render( <Composer onSend={ onSend } /> );
	const box = screen.getByRole( 'textbox', { name: 'Message' } );
	const long = 'x'.repeat( MESSAGE_MAX_LENGTH + 1 );
	fireEvent.change( box, { target: { value: long } } );

	expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
		'8,001 characters: messages can be at most 8,000. Shorten it to send.'
	);
	expect( box ).toHaveAttribute( 'aria-invalid', 'true' );
	expect( screen.getByRole( 'button', { name: 'Send' } ) ).toBeDisabled();
	await userEvent.type( box, '{Enter}' );
	expect( onSend ).not.toHaveBeenCalled();
	expect( box ).toHaveValue( long );

	// Shortened to the limit: counted, and sent.
	fireEvent.change( box, {
		target: { value: 'x'.repeat( MESSAGE_MAX_LENGTH ) },
	} );
	expect( screen.queryByRole( 'alert' ) ).not.toBeInTheDocument();
	expect(
		screen.getByText( '8,000 of 8,000 characters' )
	).toBeInTheDocument();
	await userEvent.click( screen.getByRole( 'button', { name: 'Send' } ) );
	expect( onSend ).toHaveBeenCalledWith( 'x'.repeat( MESSAGE_MAX_LENGTH ) );
} );

it( 'a double-click on Send sends once and does not stop the reply it started', async () => {
	const onSend = jest.fn();
	const onStop = jest.fn();
	function Chat() {
		const [ busy, setBusy ] = useState( false );
		return (
			<Composer
				busy={ busy }
				onSend={ ( text ) => {
					onSend( text );
					setBusy( true );
				} }
				onStop={ onStop }
			/>
		);
	}
	render( <Chat /> );
	await userEvent.type(
		screen.getByRole( 'textbox', { name: 'Message' } ),
		'A course on beekeeping'
	);
	await userEvent.dblClick( screen.getByRole( 'button', { name: 'Send' } ) );

	expect( onSend ).toHaveBeenCalledTimes( 1 );
	expect( onStop ).not.toHaveBeenCalled();
	const stop = screen.getByRole( 'button', { name: 'Stop' } );

	// A click of its own stops, and so does the keyboard (a click with no count).
	await userEvent.click( stop );
	expect( onStop ).toHaveBeenCalledTimes( 1 );
	fireEvent.click( stop, { detail: 0 } );
	expect( onStop ).toHaveBeenCalledTimes( 2 );
} );

it( 'keeps unsent text when the box goes away and comes back (a dialog closed, a reload), until it is sent', async () => {
	window.sessionStorage.clear();
	const onSend = jest.fn();
	const first = render( <Composer onSend={ onSend } draftKey="post-7" /> );
	await userEvent.type(
		screen.getByRole( 'textbox', { name: 'Message' } ),
		'Half a thought'
	);
	first.unmount();

	const again = render( <Composer onSend={ onSend } draftKey="post-7" /> );
	const box = screen.getByRole( 'textbox', { name: 'Message' } );
	expect( box ).toHaveValue( 'Half a thought' );
	// Another post's box has its own.
	const other = render( <Composer onSend={ onSend } draftKey="post-8" /> );
	expect(
		within( other.container ).getByRole( 'textbox', { name: 'Message' } )
	).toHaveValue( '' );
	other.unmount();

	await userEvent.type( box, ', finished.{Enter}' );
	expect( onSend ).toHaveBeenCalledWith( 'Half a thought, finished.' );
	again.unmount();
	render( <Composer onSend={ onSend } draftKey="post-7" /> );
	expect( screen.getByRole( 'textbox', { name: 'Message' } ) ).toHaveValue(
		''
	);
} );
