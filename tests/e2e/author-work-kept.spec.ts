/**
 * Issue 18 in a real browser (demo model): the author's work lands where it should. A hand-edited
 * lesson draft is what the course gets; the title the server made survives auto-save; "New
 * conversation" while a reply streams keeps both conversations right; undo past the first outline
 * keeps Undo/Redo and the saved outline; after "Course created" the outline is read-only.
 */
import type { Page, Route } from '@playwright/test';
import {
	test,
	expect,
	expectNoConsoleErrors,
	wpEval,
} from './support/fixtures';
import { EDITOR, createCourse } from './support/course-editor';

async function send( page: Page, text: string ) {
	const box = page.getByRole( 'textbox', { name: 'Message' } );
	await box.fill( text );
	await box.press( 'Enter' );
}

async function startCourse( page: Page, topic: string ) {
	await send( page, topic );
	await expect( page.locator( '.mpcc-section' ).first() ).toBeVisible();
	await expect(
		page.getByRole( 'textbox', { name: 'Course title' } )
	).not.toHaveValue( '' );
}

async function waitSaved( page: Page ) {
	await expect(
		page.locator( '.mpcc-editor .mpcc-save-status' )
	).toHaveAttribute( 'data-status', 'idle', { timeout: 20_000 } );
}

function sessionIdOf( page: Page ): string {
	return new URL( page.url() ).searchParams.get( 'session' ) ?? '';
}

function storedSession( site: Parameters< typeof wpEval >[ 0 ], id: string ) {
	return wpEval< { title: string; messages: string[] } | null >(
		site,
		`global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT title, messages FROM {$wpdb->prefix}mpcc_conversations WHERE session_id = %s", ${ JSON.stringify( id ) } ), ARRAY_A );
		return $row ? array( 'title' => $row['title'], 'messages' => array_column( json_decode( $row['messages'], true ), 'content' ) ) : null;`
	);
}

test( 'a hand-edited lesson draft is what the created course gets; the conversation keeps its title', async ( {
	page,
	site,
	consoleErrors,
} ) => {
	test.setTimeout( 180_000 );
	await page.goto( EDITOR );
	await startCourse(
		page,
		'An introduction to beekeeping for city gardeners'
	);
	await waitSaved( page );

	const row = page.locator( '.mpcc-lesson' ).first();
	await row.getByRole( 'button', { name: /^Draft/ } ).click();
	await row.getByRole( 'button', { name: 'Draft content' } ).click();
	await expect( row.locator( '.mpcc-badge.is-success' ) ).toHaveText(
		'Draft ready',
		{ timeout: 30_000 }
	);
	await row.getByRole( 'button', { name: 'Edit', exact: true } ).click();
	const markup = row.getByRole( 'textbox', {
		name: 'Lesson content (block markup)',
	} );
	const edited =
		( await markup.inputValue() ) +
		'\n\n<!-- wp:paragraph -->\n<p>A line the author added.</p>\n<!-- /wp:paragraph -->';
	await markup.fill( edited );
	await waitSaved( page );
	const sessionId = sessionIdOf( page );

	// After a reload the edit is there, and it is what the course gets.
	await page.reload();
	await expect( page.locator( '.mpcc-section' ).first() ).toBeVisible();
	const courseTitle = await page
		.getByRole( 'textbox', { name: 'Course title' } )
		.inputValue();
	await page.getByRole( 'button', { name: 'Say it looks good' } ).click();
	await createCourse( page );
	const lessonContent = wpEval< string >(
		site,
		`global $wpdb;
		$course = get_posts( array( 'post_type' => 'mpcs-course', 'post_status' => 'any', 'title' => ${ JSON.stringify( courseTitle ) }, 'numberposts' => 1 ) )[0];
		$section = $wpdb->get_var( $wpdb->prepare( "SELECT id FROM {$wpdb->prefix}mpcs_sections WHERE course_id = %d ORDER BY section_order LIMIT 1", $course->ID ) );
		$lesson = get_posts( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'any', 'numberposts' => 1, 'meta_key' => '_mpcs_lesson_section_id', 'meta_value' => $section, 'orderby' => 'ID', 'order' => 'ASC' ) )[0];
		return $lesson->post_content;`
	);
	expect( lessonContent ).toContain( 'A line the author added.' );

	// Item 8: the outline is now read-only, and says so; another version can be started from a copy.
	await expect(
		page.getByRole( 'textbox', { name: 'Course title' } )
	).toHaveCount( 0 );
	await expect( page.locator( '.mpcc-outline.is-created' ) ).toContainText(
		'read-only'
	);
	await expect(
		page.getByRole( 'button', { name: /^Draft all|^Draft \d+ remaining/ } )
	).toHaveCount( 0 );
	await page.reload();
	await expect( page.locator( '.mpcc-outline.is-created' ) ).toBeVisible();
	await page
		.getByRole( 'button', { name: 'Create another version' } )
		.click();
	await expect(
		page.getByRole( 'textbox', { name: 'Course title' } )
	).toHaveValue( courseTitle );
	await waitSaved( page );
	expect( sessionIdOf( page ) ).not.toBe( sessionId );

	// Item 2: the title the server made from the first message survived every auto-save.
	expect( storedSession( site, sessionId )?.title ).toMatch(
		/^An introduction to beekeeping/
	);
	expectNoConsoleErrors( consoleErrors );
} );

test( '"New conversation" while a reply streams keeps both conversations right', async ( {
	page,
	site,
	consoleErrors,
} ) => {
	await page.goto( EDITOR );
	await startCourse( page, 'Sourdough bread for beginners' );
	await waitSaved( page );
	const first = sessionIdOf( page );
	expect( first ).not.toBe( '' );

	// Hold the next reply until the author has moved on (the server answers meanwhile).
	let release: () => void = () => undefined;
	const released = new Promise< void >(
		( resolve ) => ( release = resolve )
	);
	let held = false;
	let delivered = false;
	await page.route( /admin-ajax\.php/, async ( route: Route ) => {
		if (
			! /action=mpcc_chat_message/.test(
				route.request().postData() ?? ''
			)
		) {
			return route.continue();
		}
		held = true;
		const response = await route.fetch();
		await released;
		await route.fulfill( { response } );
		delivered = true;
	} );
	await send( page, 'Add a section about starters' );
	await expect.poll( () => held ).toBe( true );
	await page.getByRole( 'button', { name: 'New conversation' } ).click();
	await expect(
		page.getByRole( 'heading', { name: 'What would you like to teach?' } )
	).toBeVisible();
	release();
	await expect.poll( () => delivered ).toBe( true );
	// The late reply lands nowhere here: the new conversation stays empty and unsaved.
	await expect( page.locator( '.mpcc-message' ) ).toHaveCount( 0 );
	await expect(
		page.getByRole( 'heading', { name: 'What would you like to teach?' } )
	).toBeVisible();
	expect( sessionIdOf( page ) ).toBe( '' );
	await page.unroute( /admin-ajax\.php/ );

	// The first conversation has its question and answer, stored by the server.
	await page.goto( `${ EDITOR }&session=${ first }` );
	await expect(
		page.locator( '.mpcc-message.is-user' ).last()
	).toContainText( 'Add a section about starters' );
	const stored = storedSession( site, first );
	expect( stored?.messages.slice( -2 )[ 0 ] ).toBe(
		'Add a section about starters'
	);
	expect( stored?.title ).toMatch( /^Sourdough bread/ );
	expectNoConsoleErrors( consoleErrors );
} );

test( 'undo past the first outline keeps Undo/Redo, and the saved outline stays', async ( {
	page,
	consoleErrors,
} ) => {
	await page.goto( EDITOR );
	await startCourse( page, 'Watercolour landscapes' );
	await waitSaved( page );
	const title = await page
		.getByRole( 'textbox', { name: 'Course title' } )
		.inputValue();

	const undo = page.getByRole( 'button', { name: 'Undo' } );
	const redo = page.getByRole( 'button', { name: 'Redo' } );
	await undo.click();
	await expect(
		page.getByRole( 'textbox', { name: 'Course title' } )
	).toHaveCount( 0 );
	// The way back stays in reach.
	await expect( redo ).toBeEnabled();
	await redo.click();
	await expect(
		page.getByRole( 'textbox', { name: 'Course title' } )
	).toHaveValue( title );
	await undo.click();
	await expect( redo ).toBeEnabled();
	await waitSaved( page );

	// Nothing stored "no outline": a reload shows the outline again.
	await page.reload();
	await expect(
		page.getByRole( 'textbox', { name: 'Course title' } )
	).toHaveValue( title );
	expectNoConsoleErrors( consoleErrors );
} );
