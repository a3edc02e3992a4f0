/**
 * The course editor page and the courses-list modal, against a real WordPress with the demo
 * provider: design a course by conversation, shape the outline, draft a lesson, create it, and
 * find it in MemberPress Courses' data model; resume after a reload; keep edits made a moment
 * before the tab closed; previous conversations; the modal; accessibility.
 */
import type { Page } from '@playwright/test';
import {
	test,
	expect,
	expectAccessible,
	expectNoConsoleErrors,
	logIn,
	wpEval,
} from './support/fixtures';
import { makeUser } from './support/courses';
import { EDITOR, confirmCreate } from './support/course-editor';
import { editorCanvas, readmeShot, waitForEditor } from './support/helpers';

async function send( page: Page, text: string ) {
	const box = page.getByRole( 'textbox', { name: 'Message' } );
	await box.fill( text );
	await box.press( 'Enter' );
}

/** Sends a topic and waits for the outline the demo provider drafts from it. */
async function startCourse( page: Page, topic: string ) {
	await send( page, topic );
	await expect(
		page.locator( '.mpcc-message.is-assistant' ).first()
	).toBeVisible();
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

async function sectionTitles( page: Page ): Promise< string[] > {
	return page
		.locator( '.mpcc-section__title' )
		.evaluateAll( ( inputs ) =>
			inputs.map( ( i ) => ( i as HTMLInputElement ).value )
		);
}

test( 'design a course by conversation, shape it, draft a lesson and create it', async ( {
	page,
	site,
	consoleErrors,
}, testInfo ) => {
	test.setTimeout( 180_000 );
	await page.goto( EDITOR );
	await expect(
		page.getByRole( 'heading', { name: 'Create a course with AI' } )
	).toBeVisible();
	await expect(
		page.getByRole( 'button', { name: /sourdough/ } )
	).toBeVisible();
	await expect( page.getByText( 'Demo model' ).first() ).toBeVisible();
	await readmeShot( page, testInfo, 'course-editor-empty' );
	await expectAccessible( page, '.mpcc-editor' );

	await startCourse( page, 'A course on watercolor painting for beginners' );
	const courseTitle = await page
		.getByRole( 'textbox', { name: 'Course title' } )
		.inputValue();

	// Rename a lesson in place.
	const lesson = page.getByRole( 'textbox', { name: 'Lesson 1.1 title' } );
	await lesson.fill( 'Choosing Paper and Brushes' );

	// Move the first section down (keyboard path: Move down button).
	const before = await sectionTitles( page );
	expect( before.length ).toBeGreaterThanOrEqual( 3 );
	await page
		.getByRole( 'button', { name: `Move section “${ before[ 0 ] }” down` } )
		.click();
	await expect
		.poll( () => sectionTitles( page ) )
		.toEqual( [ before[ 1 ], before[ 0 ], ...before.slice( 2 ) ] );
	await expect( page.locator( '.mpcc-outline__live' ) ).toContainText(
		'position 2 of'
	);

	// The renamed lesson is now lesson 2.1: draft its content.
	const row = page.locator( '.mpcc-lesson' ).filter( {
		has: page.locator( 'input[value="Choosing Paper and Brushes"]' ),
	} );
	await row.getByRole( 'button', { name: /^Draft/ } ).click();
	await row.getByRole( 'button', { name: 'Draft content' } ).click();
	await expect( row.locator( '.mpcc-badge.is-success' ) ).toHaveText(
		'Draft ready',
		{ timeout: 30_000 }
	);
	await expect(
		row
			.locator( '.mpcc-draft__preview h2, .mpcc-draft__preview h3' )
			.first()
	).toBeVisible();
	await expect( row.locator( '.mpcc-draft__preview script' ) ).toHaveCount(
		0
	);
	await readmeShot( page, testInfo, 'course-editor-outline' );
	await expectAccessible( page, '.mpcc-editor' );

	// Ready to create.
	await page.getByRole( 'button', { name: 'Say it looks good' } ).click();
	const create = page.locator( '.mpcc-create__button' );
	await expect( create ).toBeEnabled( { timeout: 20_000 } );
	await create.click();
	const dialog = page.getByRole( 'dialog', { name: 'Create this course?' } );
	await expect( dialog ).toContainText( `${ before.length } sections` );
	await confirmCreate( page );
	await expect( page.locator( '.mpcc-create__button' ) ).toHaveCount( 0 );
	await readmeShot( page, testInfo, 'course-editor-created' );

	// The data model: course, sections rows in order, lessons with their place meta.
	const created = wpEval< {
		course: { id: number; status: string } | null;
		sections: Array< { id: string; title: string; section_order: string } >;
		lessons: Array< {
			id: number;
			title: string;
			section: string;
			order: string;
			content: string;
		} >;
		courses: number;
	} >(
		site,
		`global $wpdb;
		$posts = get_posts( array( 'post_type' => 'mpcs-course', 'post_status' => 'any', 'title' => ${ JSON.stringify( courseTitle ) }, 'numberposts' => -1 ) );
		$course = $posts ? $posts[0] : null;
		if ( ! $course ) { return array( 'course' => null, 'sections' => array(), 'lessons' => array(), 'courses' => 0 ); }
		$sections = $wpdb->get_results( $wpdb->prepare( "SELECT id, title, section_order FROM {$wpdb->prefix}mpcs_sections WHERE course_id = %d ORDER BY section_order", $course->ID ), ARRAY_A );
		$lessons = array();
		foreach ( $sections as $section ) {
			foreach ( get_posts( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'any', 'numberposts' => -1, 'meta_key' => '_mpcs_lesson_section_id', 'meta_value' => $section['id'] ) ) as $l ) {
				$lessons[] = array( 'id' => $l->ID, 'title' => $l->post_title, 'section' => (string) get_post_meta( $l->ID, '_mpcs_lesson_section_id', true ), 'order' => (string) get_post_meta( $l->ID, '_mpcs_lesson_lesson_order', true ), 'content' => $l->post_content );
			}
		}
		return array( 'course' => array( 'id' => $course->ID, 'status' => $course->post_status ), 'sections' => $sections, 'lessons' => $lessons, 'courses' => count( $posts ) );`
	);
	expect( created.course, 'the course post' ).not.toBeNull();
	expect( created.courses, 'one course, however many clicks' ).toBe( 1 );
	expect( created.sections.map( ( s ) => s.title ) ).toEqual( [
		before[ 1 ],
		before[ 0 ],
		...before.slice( 2 ),
	] );
	const renamed = created.lessons.find(
		( l ) => l.title === 'Choosing Paper and Brushes'
	);
	expect( renamed, 'the renamed lesson' ).toBeTruthy();
	expect( renamed?.section ).toBe( String( created.sections[ 1 ]?.id ) );
	expect( renamed?.content ).toContain( '<!-- wp:' );
	const orders = created.lessons
		.filter( ( l ) => l.section === String( created.sections[ 1 ]?.id ) )
		.map( ( l ) => Number( l.order ) );
	expect( orders.length ).toBeGreaterThan( 0 );
	expect(
		new Set( orders ).size,
		'distinct lesson orders in a section'
	).toBe( orders.length );

	// The course and the drafted lesson open in the block editor with valid blocks.
	await page.getByRole( 'link', { name: 'Edit course' } ).click();
	await expectValidBlocks( page );
	await page.goto( `/wp-admin/post.php?post=${ renamed?.id }&action=edit` );
	await expectValidBlocks( page, 'Overview' );
	expectNoConsoleErrors( consoleErrors );
} );

async function expectValidBlocks( page: Page, heading?: string ) {
	await waitForEditor( page, { timeout: 30_000 } );
	const canvas = await editorCanvas( page );
	await expect(
		canvas.locator( '.block-editor-block-list__layout' ).first()
	).toBeVisible();
	if ( heading ) {
		await expect(
			canvas
				.getByRole( 'document', { name: /Block: Heading/ } )
				.filter( { hasText: heading } )
				.first()
		).toBeVisible();
	}
	await expect( canvas.locator( '.block-editor-warning' ) ).toHaveCount( 0 );
	await expect(
		canvas.getByText( 'This block contains unexpected or invalid content' )
	).toHaveCount( 0 );
}

test( 'a reload mid-session resumes where it was', async ( {
	page,
	consoleErrors,
} ) => {
	await page.goto( EDITOR );
	await startCourse( page, 'A workshop on public speaking for engineers' );
	await page
		.getByRole( 'textbox', { name: 'Section 1 title' } )
		.fill( 'Finding Your Voice' );
	const description =
		'Breathing, pace and pauses; how to open a talk without notes, and what to do with your hands while the slides change behind you.';
	await page
		.getByRole( 'textbox', { name: 'Section 1 description' } )
		.fill( description );
	await waitSaved( page );
	expect( new URL( page.url() ).searchParams.get( 'session' ) ).toBeTruthy();
	const messages = await page.locator( '.mpcc-message' ).count();

	await page.reload();
	await expect(
		page.getByRole( 'textbox', { name: 'Section 1 title' } )
	).toHaveValue( 'Finding Your Voice' );
	// A description longer than a line reads whole, without scrolling inside its field.
	const field = page.getByRole( 'textbox', {
		name: 'Section 1 description',
	} );
	await expect( field ).toHaveValue( description );
	expect(
		await field.evaluate( ( el ) =>
			Math.max(
				el.scrollHeight - el.clientHeight,
				el.scrollWidth - el.clientWidth
			)
		)
	).toBeLessThanOrEqual( 1 );
	await expect( page.locator( '.mpcc-message' ) ).toHaveCount( messages );
	await expect(
		page.locator( '.mpcc-message.is-user' ).first()
	).toContainText( 'public speaking' );
	expectNoConsoleErrors( consoleErrors );
} );

test( 'closing the tab within a second of outline edits loses none of them', async ( {
	page,
	site,
} ) => {
	await page.goto( EDITOR );
	await startCourse( page, 'A course on growing vegetables on a balcony' );
	await waitSaved( page );
	const url = page.url();
	const sessionId = new URL( url ).searchParams.get( 'session' );
	expect( sessionId ).toBeTruthy();
	const before = await sectionTitles( page );

	// Three edits, then the tab closes at once.
	await page
		.getByRole( 'textbox', { name: 'Lesson 1.1 title' } )
		.fill( 'Light and Shade on a Balcony' );
	await page
		.getByRole( 'button', { name: `Move section “${ before[ 0 ] }” down` } )
		.click();
	await page
		.getByRole( 'textbox', { name: 'Course title' } )
		.fill( 'Balcony Harvest' );
	const context = page.context();
	await page.close( { runBeforeUnload: true } );

	const again = await context.newPage();
	await again.goto( url );
	await expect(
		again.getByRole( 'textbox', { name: 'Course title' } )
	).toHaveValue( 'Balcony Harvest' );
	await expect(
		again.locator( 'input[value="Light and Shade on a Balcony"]' )
	).toHaveCount( 1 );
	await expect
		.poll( () => sectionTitles( again ) )
		.toEqual( [ before[ 1 ], before[ 0 ], ...before.slice( 2 ) ] );

	// And the server has them too (the pagehide keepalive save or the save after reopening).
	await expect
		.poll(
			() =>
				wpEval< string >(
					site,
					`global $wpdb; return (string) $wpdb->get_var( $wpdb->prepare( "SELECT context FROM {$wpdb->prefix}mpcc_conversations WHERE session_id = %s", ${ JSON.stringify( sessionId ) } ) ) . (string) $wpdb->get_var( $wpdb->prepare( "SELECT current_state FROM {$wpdb->prefix}mpcc_conversations WHERE session_id = %s", ${ JSON.stringify( sessionId ) } ) );`
				),
			{ timeout: 20_000 }
		)
		.toMatch( /Balcony Harvest[\s\S]*|Light and Shade on a Balcony/ );
	await again.close();
} );

test( 'previous conversations: list, search, rename, resume and delete', async ( {
	page,
	site,
	consoleErrors,
}, testInfo ) => {
	// A user of its own: renaming and deleting "the beekeeping conversation" must not find another
	// test's conversation (outline-drafts.spec.ts designs one as the admin at the same time).
	const user = makeUser( site, testInfo, 'sessions' );
	await logIn( page, user.login );
	await page.goto( EDITOR );
	await startCourse( page, 'A course on beekeeping basics' );
	await waitSaved( page );
	await page.getByRole( 'button', { name: 'New conversation' } ).click();
	await expect(
		page.getByRole( 'heading', { name: 'What would you like to teach?' } )
	).toBeVisible();
	// The empty conversation offers the one just left.
	await expect(
		page.getByRole( 'button', { name: /^Continue “.*beekeeping/i } )
	).toBeVisible();

	await page.getByRole( 'button', { name: 'Conversations' } ).click();
	const dialog = page.getByRole( 'dialog', {
		name: 'Previous conversations',
	} );
	const row = dialog
		.locator( '.mpcc-sessions__item' )
		.filter( { hasText: /beekeeping/i } )
		.first();
	await expect( row ).toBeVisible();
	await row.getByRole( 'button', { name: /^Rename/ } ).click();
	await dialog
		.getByRole( 'textbox', { name: 'Conversation title' } )
		.fill( 'Bees, renamed' );
	await dialog.getByRole( 'button', { name: 'Save' } ).click();
	await expect(
		dialog.locator( '.mpcc-sessions__title', { hasText: 'Bees, renamed' } )
	).toBeVisible();
	await dialog
		.getByRole( 'searchbox', { name: 'Search by title' } )
		.fill( 'renamed' );
	await expect( dialog.locator( '.mpcc-sessions__item' ) ).toHaveCount( 1 );
	await expectAccessible( page, '.mpcc-sessions' );

	await dialog.getByRole( 'button', { name: /^Resume/ } ).click();
	await expect(
		page.locator( '.mpcc-message.is-user' ).first()
	).toContainText( 'beekeeping' );

	await page.getByRole( 'button', { name: 'Conversations' } ).click();
	await dialog
		.getByRole( 'searchbox', { name: 'Search by title' } )
		.fill( 'Bees' );
	await dialog
		.locator( '.mpcc-sessions__item' )
		.first()
		.getByRole( 'button', { name: /^Delete/ } )
		.click();
	const confirm = page.getByRole( 'dialog', {
		name: 'Delete conversation?',
	} );
	await confirm.getByRole( 'button', { name: 'Delete' } ).click();
	await expect(
		dialog.locator( '.mpcc-sessions__title', { hasText: 'Bees, renamed' } )
	).toHaveCount( 0 );
	expectNoConsoleErrors( consoleErrors );
} );

test( '"Create with AI" on the courses list opens the editor in a modal', async ( {
	page,
	consoleErrors,
}, testInfo ) => {
	await page.goto( '/wp-admin/edit.php?post_type=mpcs-course' );
	const button = page.getByRole( 'button', { name: 'Create with AI' } );
	await expect( button ).toBeVisible();
	await button.click();
	const dialog = page.getByRole( 'dialog', {
		name: 'Create a course with AI',
	} );
	await expect( dialog ).toBeVisible();
	// Opened to write in: the message box has the focus, so typing starts the conversation.
	await expect(
		dialog.getByRole( 'textbox', { name: 'Message' } )
	).toBeFocused();
	await page.keyboard.type( 'A course on home espresso for coffee lovers' );
	await page.keyboard.press( 'Enter' );
	await expect( dialog.locator( '.mpcc-section' ).first() ).toBeVisible();
	await readmeShot( page, testInfo, 'course-editor-modal' );
	await expectAccessible( page, '.mpcc-editor-modal' );
	// Text typed and not sent survives Escape: it is back when the editor opens again.
	await page.keyboard.type( 'Make the second section shorter' );
	await page.keyboard.press( 'Escape' );
	await expect( dialog ).toHaveCount( 0 );
	await button.click();
	await expect(
		dialog.getByRole( 'textbox', { name: 'Message' } )
	).toHaveValue( 'Make the second section shorter' );

	// A course created in the modal is in the list once the modal closes.
	const title = await dialog
		.getByRole( 'textbox', { name: 'Course title' } )
		.inputValue();
	await dialog.getByRole( 'button', { name: 'Say it looks good' } ).click();
	const create = dialog.locator( '.mpcc-create__button' );
	await expect( create ).toBeEnabled( { timeout: 20_000 } );
	await create.click();
	await confirmCreate( page );
	await page.keyboard.press( 'Escape' );
	await expect( dialog ).toHaveCount( 0 );
	await expect(
		page.locator( '#the-list .row-title', { hasText: title } )
	).toHaveCount( 1 );
	expectNoConsoleErrors( consoleErrors );
} );

test( 'usable at 782 px and from the keyboard', async ( {
	page,
	consoleErrors,
} ) => {
	await page.setViewportSize( { width: 782, height: 900 } );
	await page.goto( EDITOR );
	const box = page.getByRole( 'textbox', { name: 'Message' } );
	await box.focus();
	await page.keyboard.type( 'A course on knot tying for sailors' );
	await page.keyboard.press( 'Enter' );
	await expect( page.locator( '.mpcc-section' ).first() ).toBeVisible();
	const overflow = await page.evaluate(
		() =>
			document.querySelector( '.mpcc-editor' )!.scrollWidth -
			document.querySelector( '.mpcc-editor' )!.clientWidth
	);
	expect( overflow ).toBeLessThanOrEqual( 1 );
	// Keyboard: focus the first section's Move down button and press it.
	const titles = await sectionTitles( page );
	const move = page.getByRole( 'button', {
		name: `Move section “${ titles[ 0 ] }” down`,
	} );
	await move.focus();
	await page.keyboard.press( 'Enter' );
	await expect
		.poll( () => sectionTitles( page ) )
		.toEqual( [ titles[ 1 ], titles[ 0 ], ...titles.slice( 2 ) ] );
	await expect( move ).toBeFocused();
	// Undo from the toolbar.
	await page.getByRole( 'button', { name: 'Undo' } ).click();
	await expect.poll( () => sectionTitles( page ) ).toEqual( titles );
	expectNoConsoleErrors( consoleErrors );
} );
