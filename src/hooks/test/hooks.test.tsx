import { act, render, screen } from '@testing-library/react';
import { RegistryProvider } from '@wordpress/data';
import { useSaveStatus } from '../use-save-status';
import { useSession } from '../use-session';
import { useAutoSaveLifecycle } from '../use-auto-save-lifecycle';
import { FakeBridge, installBridge } from '../../store/test/fake-bridge';
import { makeRegistry, setConfig } from '../../store/test/helpers';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

function Status() {
	useAutoSaveLifecycle();
	const { label } = useSaveStatus();
	const { structure } = useSession();
	return (
		<p>
			<span data-testid="status">{ label }</span>
			<span data-testid="title">{ structure?.title ?? '' }</span>
		</p>
	);
}

describe( 'hooks', () => {
	beforeEach( () => {
		jest.useFakeTimers();
		setConfig();
		localStorage.clear();
	} );
	afterEach( () => jest.useRealTimers() );

	it( 'show the save status as it changes, and auto-save runs while mounted', async () => {
		const bridge = new FakeBridge();
		installBridge( bridge );
		const { registry, dispatch } = makeRegistry();
		const view = render(
			<RegistryProvider value={ registry }>
				<Status />
			</RegistryProvider>
		);
		expect( screen.getByTestId( 'status' ).textContent ).toBe( '' );
		await act( async () => {
			dispatch().setCourseTitle( 'Bread' );
		} );
		expect( screen.getByTestId( 'status' ).textContent ).toBe(
			'Unsaved changes'
		);
		expect( screen.getByTestId( 'title' ).textContent ).toBe( 'Bread' );
		bridge.offline = true;
		await act( async () => {
			await jest.advanceTimersByTimeAsync( 2_000 );
		} );
		expect( screen.getByTestId( 'status' ).textContent ).toBe(
			'Offline — kept on this device'
		);
		bridge.offline = false;
		await act( async () => {
			await jest.advanceTimersByTimeAsync( 2_000 );
		} );
		expect( screen.getByTestId( 'status' ).textContent ).toBe( 'Saved' );
		view.unmount();
	} );
} );
