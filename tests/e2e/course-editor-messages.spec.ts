/**
 * The course editor's messages (issue 14), against a real WordPress: the composer refuses an
 * over-long message before sending anything; the "Demo model" banner goes on the first reply from a
 * real provider (the demo proxy behind a relay that says it is not the demo).
 */
import { test, expect, expectNoConsoleErrors, logIn } from './support/fixtures';
import { EDITOR } from './support/course-editor';
import { makeUser } from './support/courses';
import {
	startRealProviderRelay,
	useRealProviderRelay,
} from './support/real-provider';

useRealProviderRelay();

test( 'a message over 8,000 characters is refused in the browser, before anything is sent, and kept', async ( {
	page,
	consoleErrors,
} ) => {
	const sent: string[] = [];
	page.on( 'request', ( request ) => {
		if ( ( request.postData() ?? '' ).includes( 'mpcc_chat_message' ) ) {
			sent.push( request.url() );
		}
	} );
	await page.goto( EDITOR );
	const box = page.getByRole( 'textbox', { name: 'Message' } );
	const long = 'word '.repeat( 1600 ) + 'x'; // 8,001 characters
	await box.fill( long );
	await expect( page.getByRole( 'alert' ) ).toContainText(
		'8,001 characters: messages can be at most 8,000.'
	);
	await expect( page.getByRole( 'button', { name: 'Send' } ) ).toBeDisabled();
	await box.press( 'Enter' );
	await expect( box ).toHaveValue( long );
	await expect( page.locator( '.mpcc-message.is-user' ) ).toHaveCount( 0 );
	expect( sent ).toEqual( [] );
	// One character less, and it goes.
	await box.press( 'End' );
	await box.press( 'Backspace' );
	await expect( page.getByRole( 'alert' ) ).toHaveCount( 0 );
	await expect( page.getByRole( 'button', { name: 'Send' } ) ).toBeEnabled();
	expectNoConsoleErrors( consoleErrors );
} );

test( 'the "Demo model" banner goes on the first reply from a real provider', async ( {
	page,
	site,
	consoleErrors,
}, testInfo ) => {
	const relay = await startRealProviderRelay();
	try {
		const user = makeUser( site, testInfo, 'real', {
			mpcc_e2e_real_provider: String( relay.port ),
		} );
		await logIn( page, user.login );
		await page.goto( EDITOR );
		// The page was printed with the provider PHP knew: the demo.
		const banner = page.locator( '.mpcc-demo-banner' );
		await expect( banner ).toBeVisible();
		const box = page.getByRole( 'textbox', { name: 'Message' } );
		await box.fill( 'A course on sea kayaking' );
		await box.press( 'Enter' );
		await expect(
			page.locator( '.mpcc-message.is-assistant' ).first()
		).toBeVisible();
		await expect( banner ).toHaveCount( 0 );
		expect(
			relay.calls.some( ( url ) =>
				url.endsWith( '/v1/tasks/course-turn' )
			)
		).toBe( true );
	} finally {
		await relay.close();
	}
	expectNoConsoleErrors( consoleErrors );
} );
