import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorNotice } from '..';

/** The notice itself (Notice also speaks its text into a shared live region). */
const notice = () =>
	within( document.querySelector( '.mpcc-error-notice' ) as HTMLElement );

describe( 'ErrorNotice', () => {
	it( 'renders nothing without an error', () => {
		const { container } = render( <ErrorNotice error={ null } /> );
		expect( container ).toBeEmptyDOMElement();
	} );

	it( 'offers a reload for an expired nonce', async () => {
		const onReload = jest.fn();
		render(
			<ErrorNotice
				error={ {
					code: 'mpcc_invalid_nonce',
					message: '',
					status: 403,
				} }
				onReload={ onReload }
				onRetry={ jest.fn() }
			/>
		);
		expect(
			notice().getByText( 'Your session expired.' )
		).toBeInTheDocument();
		expect(
			screen.queryByRole( 'button', { name: 'Try again' } )
		).not.toBeInTheDocument();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Reload page' } )
		);
		expect( onReload ).toHaveBeenCalled();
	} );

	it( 'offers Try again when the AI is unavailable', async () => {
		const onRetry = jest.fn();
		render(
			<ErrorNotice
				error={ {
					code: 'mpcc_ai_service_error',
					message: '',
					status: 503,
				} }
				onRetry={ onRetry }
			/>
		);
		expect(
			notice().getByText( /Try again in a moment/ )
		).toBeInTheDocument();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Try again' } )
		);
		expect( onRetry ).toHaveBeenCalled();
	} );

	it( 'says when to retry after a rate limit and counts down', () => {
		jest.useFakeTimers();
		try {
			render(
				<ErrorNotice
					error={ {
						code: 'mpcc_rate_limited',
						message: '',
						status: 429,
						retryAfter: 3,
					} }
					onRetry={ jest.fn() }
				/>
			);
			expect(
				notice().getByText( /Try again in 3 seconds/ )
			).toBeInTheDocument();
			expect(
				screen.getByRole( 'button', { name: 'Try again' } )
			).toBeDisabled();
			act( () => {
				jest.advanceTimersByTime( 3100 );
			} );
			expect(
				notice().getByText( /You can try again now/ )
			).toBeInTheDocument();
			expect(
				screen.getByRole( 'button', { name: 'Try again' } )
			).toBeEnabled();
		} finally {
			jest.useRealTimers();
		}
	} );

	it( 'tells what to fix for bad input, with the server suggestion', () => {
		render(
			<ErrorNotice
				error={ {
					code: 'mpcc_content_too_short',
					message: '',
					status: 422,
					suggestion: 'Write at least 50 words.',
				} }
				onRetry={ jest.fn() }
			/>
		);
		expect(
			notice().getByText( /Add more text to the lesson/ )
		).toBeInTheDocument();
		expect(
			notice().getByText( 'Write at least 50 words.' )
		).toBeInTheDocument();
		expect(
			screen.queryByRole( 'button', { name: 'Try again' } )
		).not.toBeInTheDocument();
	} );
} );
