import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SaveStatus, formatTime } from '..';

describe( 'SaveStatus', () => {
	it( 'shows the last save time', () => {
		const time = new Date( 2024, 0, 1, 12, 3 ).getTime();
		render( <SaveStatus status="idle" lastSavedAt={ time } /> );
		expect(
			screen.getByText( `Saved ${ formatTime( time ) }` )
		).toBeInTheDocument();
		expect( formatTime( time ) ).toMatch( /12.03/ );
	} );

	it( 'says Saved for a session the server has, without a save time', () => {
		const { rerender, container } = render(
			<SaveStatus status="idle" lastSavedAt={ null } />
		);
		expect(
			container.querySelector( '.mpcc-save-status__text' )
		).toHaveTextContent( /^$/ );
		rerender( <SaveStatus status="idle" lastSavedAt={ null } saved /> );
		expect( screen.getByText( 'Saved' ) ).toBeInTheDocument();
	} );

	it( 'shows saving, offline and unsaved states', () => {
		const { rerender } = render(
			<SaveStatus status="saving" lastSavedAt={ null } />
		);
		expect( screen.getByText( 'Saving…' ) ).toBeInTheDocument();
		rerender( <SaveStatus status="offline" lastSavedAt={ null } /> );
		expect(
			screen.getAllByText( 'Offline — kept on this device' ).length
		).toBeGreaterThan( 0 );
		rerender( <SaveStatus status="dirty" lastSavedAt={ null } /> );
		expect( screen.getByText( 'Unsaved changes' ) ).toBeInTheDocument();
	} );

	it( 'offers Keep mine and Use saved version on a conflict', async () => {
		const onKeepMine = jest.fn();
		const onUseSaved = jest.fn();
		render(
			<SaveStatus
				status="conflict"
				lastSavedAt={ null }
				onKeepMine={ onKeepMine }
				onUseSaved={ onUseSaved }
			/>
		);
		expect( screen.getAllByText( /Conflict/ ).length ).toBeGreaterThan( 0 );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Keep mine' } )
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Use saved version' } )
		);
		expect( onKeepMine ).toHaveBeenCalled();
		expect( onUseSaved ).toHaveBeenCalled();
	} );

	it( 'says the session expired instead of any save state', () => {
		render(
			<SaveStatus status="dirty" lastSavedAt={ null } sessionExpired />
		);
		expect(
			screen.getAllByText( 'Session expired — reload to save' ).length
		).toBeGreaterThan( 0 );
	} );
} );
