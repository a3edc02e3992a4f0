/**
 * The assistant sidebar in the block editor, against a real WordPress (6.6 and 6.5) with the demo
 * provider: ask for learning objectives on a lesson, apply them as real blocks, undo with the
 * editor's Undo, apply again, save, reload — valid blocks and the conversation still there.
 * Also: a course's quick actions and excerpt, the sidebar absent on a normal post, accessibility.
 */
import type { Page } from '@playwright/test';
import {
	test,
	expect,
	expectAccessible,
	expectNoConsoleErrors,
	wpEval,
	type Site,
} from './support/fixtures';
import { savePost } from './support/block-editor-data';
import { createPost } from './support/courses';
import {
	editorCanvas,
	openEditor,
	openSidebar,
	postIdByTitle,
	readmeShot,
	waitForEditor,
} from './support/helpers';

const LESSON_TITLE = 'Aperture and Depth of Field';

type WpBlock = { name: string; isValid: boolean; innerBlocks: WpBlock[] };
/** The few wp.* calls the tests make (core/editor and core/block-editor selectors, merged). */
type Wp = {
	data: {
		select: ( store: string ) => {
			getBlocks: () => WpBlock[];
			getEditedPostContent: () => string;
			getEditedPostAttribute: ( name: string ) => unknown;
		};
	};
	blocks: { parse: ( content: string ) => WpBlock[] };
};

/** A fresh post of `postType` with a copy of the seeded lesson's text (tests stay independent). */
function copyOfSeededLesson(
	site: Site,
	postType: string,
	title: string
): number {
	const source = postIdByTitle( site, 'mpcs-lesson', LESSON_TITLE );
	return createPost(
		site,
		postType,
		title,
		wpEval< string >(
			site,
			`return get_post( ${ source } )->post_content;`
		)
	);
}

/** Opens a post in the block editor and waits for its blocks. */
async function openWithBlocks( page: Page, postId: number ) {
	await openEditor( page, postId );
	await blocksLoaded( page );
}

async function blocksLoaded( page: Page ) {
	await page.waitForFunction( () => {
		const wp = ( window as unknown as { wp: Wp } ).wp;
		return (
			( wp.data.select( 'core/block-editor' ).getBlocks() as unknown[] )
				.length > 0
		);
	} );
}

async function editedContent( page: Page ): Promise< string > {
	return page.evaluate( () =>
		( window as unknown as { wp: Wp } ).wp.data
			.select( 'core/editor' )
			.getEditedPostContent()
	);
}

async function topLevelBlockNames( page: Page ): Promise< string[] > {
	return page.evaluate( () =>
		( window as unknown as { wp: Wp } ).wp.data
			.select( 'core/block-editor' )
			.getBlocks()
			.map( ( b ) => b.name )
	);
}

test( 'learning objectives on a lesson: preview, apply as blocks, undo, apply again, save, reload', async ( {
	page,
	site,
	consoleErrors,
}, testInfo ) => {
	test.setTimeout( 180_000 );
	const lessonId = postIdByTitle( site, 'mpcs-lesson', LESSON_TITLE );
	expect( lessonId, 'the seeded lesson' ).toBeGreaterThan( 0 );
	await openWithBlocks( page, lessonId );
	const before = await topLevelBlockNames( page );
	expect( before.length ).toBeGreaterThan( 1 );

	// The cursor: the first paragraph. Then the sidebar.
	await (
		await editorCanvas( page )
	)
		.locator( '[data-type="core/paragraph"]' )
		.first()
		.click();
	const sidebar = await openSidebar( page );
	await expect(
		sidebar
			.getByRole( 'group', { name: 'Quick actions' } )
			.getByRole( 'button' )
	).toHaveText( [
		'Improve this lesson',
		'Summarize',
		'Write learning objectives',
		'Outline from title',
	] );

	await sidebar
		.getByRole( 'button', { name: 'Write learning objectives' } )
		.click();
	const conversation = sidebar.getByRole( 'region', {
		name: 'Conversation with the copilot',
	} );
	await expect( conversation.locator( '.mpcc-message.is-user' ) ).toHaveText(
		/Write learning objectives for this lesson\./
	);
	await expect(
		conversation.locator( '.mpcc-message.is-assistant' )
	).toContainText( 'learning objectives' );
	await expect(
		sidebar.getByText( 'Demo model', { exact: true } )
	).toBeVisible();

	// The suggestion, previewed read-only before anything changes.
	const card = sidebar
		.locator( '.mpcc-suggestion' )
		.filter( { hasText: 'Insert learning objectives' } );
	await expect( card ).toBeVisible();
	const preview = card.getByRole( 'group', { name: 'Preview' } );
	await expect(
		preview.getByRole( 'heading', { name: 'Learning objectives' } )
	).toBeVisible();
	await expect( preview.locator( 'li' ) ).toHaveCount( 3 );
	expect( await topLevelBlockNames( page ) ).toEqual( before );
	await expectAccessible( page, '.mpcc-assistant-sidebar' );
	await readmeShot( page, testInfo, 'assistant-sidebar-suggestion' );

	// Apply: real blocks, right after the selected paragraph.
	await card.getByRole( 'button', { name: 'Apply', exact: true } ).click();
	await expect(
		card.getByText( 'Applied. The editor’s Undo takes it back.' )
	).toBeVisible();
	const applied = await topLevelBlockNames( page );
	expect( applied ).toEqual( [
		before[ 0 ],
		'core/heading',
		'core/list',
		...before.slice( 1 ),
	] );
	expect( await editedContent( page ) ).toContain(
		'<h2 class="wp-block-heading">Learning objectives</h2>'
	);
	expect( await editedContent( page ) ).not.toContain( 'wp:html' );
	await expect(
		( await editorCanvas( page ) )
			.locator( '[data-type="core/heading"]' )
			.filter( { hasText: 'Learning objectives' } )
	).toBeVisible();
	// The editor announces it in a snackbar that offers Undo as well.
	await expect(
		page
			.locator( '.components-snackbar' )
			.filter( { hasText: 'Blocks inserted.' } )
	).toBeVisible();
	await readmeShot( page, testInfo, 'assistant-sidebar-applied' );

	// One press of the editor's own Undo takes the whole suggestion back.
	await page
		.getByRole( 'toolbar', { name: 'Document tools' } )
		.getByRole( 'button', { name: 'Undo' } )
		.click();
	await expect.poll( () => topLevelBlockNames( page ) ).toEqual( before );
	expect( await editedContent( page ) ).not.toContain(
		'Learning objectives'
	);
	// The card no longer says it is applied: it offers Apply again, as before the first time.
	await expect(
		card.getByText( 'Applied. The editor’s Undo takes it back.' )
	).toHaveCount( 0 );

	// Apply again (the cursor back in the first paragraph), save, reload.
	await (
		await editorCanvas( page )
	)
		.locator( '[data-type="core/paragraph"]' )
		.first()
		.click();
	await card.getByRole( 'button', { name: 'Apply', exact: true } ).click();
	await expect.poll( () => topLevelBlockNames( page ) ).toEqual( applied );
	await savePost( page );
	const saved = wpEval< string >(
		site,
		`return get_post( ${ lessonId } )->post_content;`
	);
	expect( saved ).toContain( '<!-- wp:heading -->' );
	// 6.5's list block has no wp-block-list class of its own: it keeps it as a custom class.
	expect( saved ).toMatch(
		/<!-- wp:list( \{"className":"wp-block-list"\})? -->/
	);
	expect( saved ).not.toContain( '<!-- wp:html' );
	expect( saved ).not.toContain( '<!-- wp:freeform' );

	await page.reload();
	await blocksLoaded( page );
	const validity = await page.evaluate( () => {
		const wp = ( window as unknown as { wp: Wp } ).wp;
		const flatten = ( blocks: WpBlock[] ): WpBlock[] =>
			blocks.flatMap( ( b ) => [ b, ...flatten( b.innerBlocks ) ] );
		const parsed = flatten(
			wp.blocks.parse(
				wp.data.select( 'core/editor' ).getEditedPostContent()
			)
		);
		const inEditor = flatten(
			wp.data.select( 'core/block-editor' ).getBlocks()
		);
		return {
			names: parsed.map( ( b ) => b.name ),
			invalid: [ ...parsed, ...inEditor ]
				.filter( ( b ) => ! b.isValid )
				.map( ( b ) => b.name ),
		};
	} );
	expect( validity.invalid ).toEqual( [] );
	expect( validity.names ).toEqual(
		expect.arrayContaining( [
			'core/heading',
			'core/list',
			'core/list-item',
		] )
	);
	await expect(
		( await editorCanvas( page ) ).locator( '.block-editor-warning' )
	).toHaveCount( 0 );

	// The conversation is still there (the sidebar stays open across the reload).
	const reopened = page.locator( '.mpcc-assistant' );
	if ( ! ( await reopened.isVisible() ) ) {
		await openSidebar( page );
	}
	const restored = reopened.getByRole( 'region', {
		name: 'Conversation with the copilot',
	} );
	await expect( restored.locator( '.mpcc-message.is-user' ) ).toHaveText(
		/Write learning objectives for this lesson\./
	);
	await expect(
		restored.locator( '.mpcc-message.is-assistant' )
	).toContainText( 'learning objectives' );
	expectNoConsoleErrors( consoleErrors );
} );

test( 'on a course: the course’s quick actions, and a summary applied as the excerpt', async ( {
	page,
	site,
	consoleErrors,
} ) => {
	const courseId = copyOfSeededLesson(
		site,
		'mpcs-course',
		'Photography Basics (assistant test)'
	);
	await openWithBlocks( page, courseId );
	const sidebar = await openSidebar( page );
	await expect(
		sidebar
			.getByRole( 'group', { name: 'Quick actions' } )
			.getByRole( 'button' )
	).toHaveText( [
		'Summarize',
		'Suggest the next lesson',
		'Write learning objectives',
	] );
	await sidebar.getByRole( 'button', { name: 'Summarize' } ).click();
	const card = sidebar
		.locator( '.mpcc-suggestion' )
		.filter( { hasText: 'Use as excerpt' } );
	await expect( card ).toBeVisible();
	await card.getByRole( 'button', { name: 'Apply', exact: true } ).click();
	await expect
		.poll( () =>
			page.evaluate( () =>
				( window as unknown as { wp: Wp } ).wp.data
					.select( 'core/editor' )
					.getEditedPostAttribute( 'excerpt' )
			)
		)
		.toMatch( /aperture/i );
	await expectAccessible( page, '.mpcc-assistant-sidebar' );
	expectNoConsoleErrors( consoleErrors );
} );

test( 'the sidebar is absent on a normal post', async ( {
	page,
	consoleErrors,
} ) => {
	await page.goto( '/wp-admin/post-new.php' );
	await waitForEditor( page );
	await page.getByRole( 'button', { name: 'Options' } ).first().click();
	await expect(
		page
			.getByRole( 'menuitemcheckbox', { name: 'Editor' } )
			.or( page.getByRole( 'menuitemradio', { name: /Visual editor/ } ) )
			.first()
	).toBeVisible();
	await expect(
		page.getByRole( 'menuitemcheckbox', { name: 'Courses Copilot' } )
	).toHaveCount( 0 );
	await page.keyboard.press( 'Escape' );
	await expect( page.locator( '.mpcc-assistant' ) ).toHaveCount( 0 );
	expect( await page.evaluate( () => 'mpccConfig' in window ) ).toBe( false );
	expectNoConsoleErrors( consoleErrors );
} );

test( 'on a new lesson, a reload right after the first question finds the lesson and its conversation', async ( {
	page,
	consoleErrors,
} ) => {
	await page.goto( '/wp-admin/post-new.php?post_type=mpcs-lesson' );
	await waitForEditor( page );
	const sidebar = await openSidebar( page );
	const question = 'What should a first lesson on lenses cover?';
	await sidebar
		.getByRole( 'textbox', { name: 'Message to the copilot' } )
		.fill( question );
	await sidebar
		.getByRole( 'textbox', { name: 'Message to the copilot' } )
		.press( 'Enter' );
	// The address is the lesson's own as soon as its conversation exists, not post-new.php.
	await expect( page ).toHaveURL( /\/post\.php\?post=\d+&action=edit$/ );
	const address = page.url();
	await page.reload();
	await waitForEditor( page );
	expect( page.url() ).toBe( address );
	const again = await openSidebar( page );
	await expect(
		again.locator( '.mpcc-message.is-user' ).first()
	).toContainText( question );
	// Still a new lesson: no title yet, not WordPress' "Auto Draft" placeholder.
	expect(
		await page.evaluate( () =>
			( window as unknown as { wp: Wp } ).wp.data
				.select( 'core/editor' )
				.getEditedPostAttribute( 'title' )
		)
	).toBe( '' );
	expectNoConsoleErrors( consoleErrors );
} );
