/**
 * Issue 17 (an unfinished outline is a valid session), issue 14 item 1 (Create without a "looks
 * good" ritual) and issue 18 item 15 (keyboard), against a real WordPress with the demo provider:
 * untitled lessons and sections save and are there from another browser; Create shows what
 * stands in the way until the titles are filled; the keyboard reaches Create in a few keys.
 */
import type { Browser, Page, TestInfo } from '@playwright/test';
import {
	test,
	expect,
	expectNoConsoleErrors,
	logIn,
	wpEval,
} from './support/fixtures';
import { EDITOR, confirmCreate } from './support/course-editor';

async function startCourse( page: Page, topic: string ) {
	const box = page.getByRole( 'textbox', { name: 'Message' } );
	await box.fill( topic );
	await box.press( 'Enter' );
	await expect( page.locator( '.mpcc-section' ).first() ).toBeVisible();
	await expect(
		page.getByRole( 'textbox', { name: 'Course title' } )
	).not.toHaveValue( '' );
}

async function waitSaved( page: Page ) {
	await expect(
		page.locator( '.mpcc-editor .mpcc-save-status' )
	).toHaveAttribute( 'data-status', 'idle', { timeout: 20_000 } );
	await expect(
		page.locator( '.mpcc-editor .mpcc-save-status__text' )
	).toHaveText( /Saved/ );
}

/** Section titles and each section's lesson titles, as the outline shows them. */
async function outline( page: Page ) {
	return page.locator( '.mpcc-section' ).evaluateAll( ( sections ) =>
		sections.map( ( section ) => ( {
			title: (
				section.querySelector(
					'.mpcc-section__title'
				) as HTMLInputElement
			 ).value,
			lessons: Array.from(
				section.querySelectorAll< HTMLInputElement >(
					'.mpcc-lesson__title'
				)
			).map( ( input ) => input.value ),
		} ) )
	);
}

/** A second browser with nothing of the first: no local storage, its own login. */
async function freshBrowser( browser: Browser, testInfo: TestInfo ) {
	const context = await browser.newContext( {
		baseURL: testInfo.project.use.baseURL,
	} );
	await context.route( /^https?:\/\/(?!127\.0\.0\.1|localhost)/, ( route ) =>
		route.fulfill( { status: 200, body: '' } )
	);
	const page = await context.newPage();
	await logIn( page );
	return { context, page };
}

test( 'untitled lessons and sections save; Create waits only for their titles, not for "looks good"', async ( {
	page,
	browser,
	site,
	consoleErrors,
}, testInfo ) => {
	test.setTimeout( 120_000 );
	await page.goto( EDITOR );
	await startCourse( page, 'A course on beekeeping for beginners' );
	const create = page.getByRole( 'button', { name: 'Create course' } );
	// Issue 14: the first outline is complete and valid, so Create is offered at once.
	await expect( create ).toBeEnabled();
	await expect( page.locator( '.mpcc-message.is-user' ) ).toHaveCount( 1 );
	await waitSaved( page );
	const url = page.url();
	const first = await outline( page );

	// Add without typing: two lessons in section 1, a new section, and a lesson in it.
	const addLesson = page.getByRole( 'button', { name: 'Add lesson' } );
	await addLesson.first().click();
	await addLesson.first().click();
	await page.getByRole( 'button', { name: 'Add section' } ).click();
	await addLesson.last().click();
	const n = first[ 0 ]!.lessons.length;
	const newSection = first.length + 1;
	const expected = [
		{ ...first[ 0 ]!, lessons: [ ...first[ 0 ]!.lessons, '', '' ] },
		...first.slice( 1 ),
		{ title: '', lessons: [ '' ] },
	];
	await expect.poll( () => outline( page ) ).toEqual( expected );

	// What blocks creation is listed beside Create and marked on the items.
	await expect( create ).toBeDisabled();
	const reasons = page.locator( '#mpcc-create-blockers' );
	await expect( reasons ).toContainText(
		`Lesson 1.${ n + 1 } needs a title.`
	);
	await expect( reasons ).toContainText(
		`Lesson 1.${ n + 2 } needs a title.`
	);
	await expect( reasons ).toContainText(
		`Section ${ newSection } needs a title.`
	);
	await expect(
		page.getByRole( 'textbox', { name: `Lesson 1.${ n + 1 } title` } )
	).toHaveAttribute( 'aria-invalid', 'true' );

	// The drafts save (no "The request was not valid."), and another browser finds every edit.
	await waitSaved( page );
	await expect( page.getByText( 'The request was not valid.' ) ).toHaveCount(
		0
	);
	const other = await freshBrowser( browser, testInfo );
	await other.page.goto( url );
	await expect(
		other.page.getByRole( 'textbox', { name: 'Course title' } )
	).not.toHaveValue( '' );
	expect(
		await other.page.evaluate( () => window.localStorage.length )
	).toBe( 0 );
	await expect.poll( () => outline( other.page ) ).toEqual( expected );
	const otherCreate = other.page.getByRole( 'button', {
		name: 'Create course',
	} );
	await expect( otherCreate ).toBeDisabled();
	await expect( other.page.locator( '#mpcc-create-blockers' ) ).toContainText(
		`Section ${ newSection } needs a title.`
	);

	// Fill the titles there: Create is enabled, and creates without another message.
	await other.page
		.getByRole( 'textbox', { name: `Lesson 1.${ n + 1 } title` } )
		.fill( 'Reading the Frames' );
	await other.page
		.getByRole( 'textbox', { name: `Lesson 1.${ n + 2 } title` } )
		.fill( 'Smoke and Calm' );
	await expect( otherCreate ).toBeDisabled();
	await other.page
		.getByRole( 'textbox', { name: `Section ${ newSection } title` } )
		.fill( 'The First Harvest' );
	await other.page
		.getByRole( 'textbox', { name: `Lesson ${ newSection }.1 title` } )
		.fill( 'Extracting Honey' );
	await expect( otherCreate ).toBeEnabled();
	await expect( other.page.locator( '#mpcc-create-blockers' ) ).toHaveCount(
		0
	);
	await otherCreate.click();
	await confirmCreate( other.page );
	// Focus lands on the result, not on <body> (issue 18 item 15).
	await expect(
		other.page.getByRole( 'link', { name: 'Edit course' } )
	).toBeFocused();
	const lessons = expected.reduce( ( sum, s ) => sum + s.lessons.length, 0 );
	const sessionId = new URL( url ).searchParams.get( 'session' );
	expect(
		wpEval< number >(
			site,
			`global $wpdb; $row = $wpdb->get_var( $wpdb->prepare( "SELECT metadata FROM {$wpdb->prefix}mpcc_conversations WHERE session_id = %s", ${ JSON.stringify( sessionId ) } ) ); return (int) ( json_decode( (string) $row, true )['lessons_created'] ?? 0 );`
		)
	).toBe( lessons );
	await other.context.close();
	expectNoConsoleErrors( consoleErrors );
} );

test( 'the keyboard: a skip link to Create, one Tab stop for the outline, focus after deleting', async ( {
	page,
	consoleErrors,
} ) => {
	await page.goto( EDITOR );
	await startCourse( page, 'A course on knot tying for sailors' );

	// From the composer, a few Tabs reach the skip link; Enter lands on Create.
	await page.getByRole( 'textbox', { name: 'Message' } ).focus();
	const skip = page.getByRole( 'link', { name: 'Skip to Create course' } );
	for ( let i = 0; i < 6; i++ ) {
		await page.keyboard.press( 'Tab' );
		if (
			await skip.evaluate(
				( el ) => el === el.ownerDocument.activeElement
			)
		) {
			break;
		}
	}
	await expect( skip ).toBeFocused();
	await expect( skip ).toBeVisible();
	await page.keyboard.press( 'Enter' );
	await expect(
		page.getByRole( 'button', { name: 'Create course' } )
	).toBeFocused();

	// The outline is one Tab stop: arrows move between rows.
	const section1 = page.getByRole( 'textbox', { name: 'Section 1 title' } );
	await section1.focus();
	await page.keyboard.press( 'ArrowDown' );
	await expect(
		page.getByRole( 'textbox', { name: 'Lesson 1.1 title' } )
	).toBeFocused();
	await page.keyboard.press( 'ArrowUp' );
	await expect( section1 ).toBeFocused();
	let tabs = 0;
	const addSection = page.getByRole( 'button', { name: 'Add section' } );
	while (
		! ( await addSection.evaluate(
			( el ) => el === el.ownerDocument.activeElement
		) ) &&
		tabs < 60
	) {
		await page.keyboard.press( 'Tab' );
		tabs++;
	}
	expect( tabs ).toBeLessThanOrEqual( 8 );

	// Deleting a lesson puts focus on the next one, not on <body>.
	const second = await page
		.getByRole( 'textbox', { name: 'Lesson 1.2 title' } )
		.inputValue();
	const first = await page
		.getByRole( 'textbox', { name: 'Lesson 1.1 title' } )
		.inputValue();
	await page
		.getByRole( 'button', { name: `Delete lesson “${ first }”` } )
		.click();
	const now = page.getByRole( 'textbox', { name: 'Lesson 1.1 title' } );
	await expect( now ).toHaveValue( second );
	await expect( now ).toBeFocused();

	// Confirming "Delete section" puts focus on the next section.
	const titles = await page
		.locator( '.mpcc-section__title' )
		.evaluateAll( ( inputs ) =>
			inputs.map( ( i ) => ( i as HTMLInputElement ).value )
		);
	await page
		.getByRole( 'button', { name: `Delete section “${ titles[ 0 ] }”` } )
		.click();
	await page
		.getByRole( 'dialog', { name: 'Delete section?' } )
		.getByRole( 'button', { name: 'Delete section' } )
		.click();
	await expect( section1 ).toHaveValue( titles[ 1 ]! );
	await expect( section1 ).toBeFocused();
	expectNoConsoleErrors( consoleErrors );
} );
