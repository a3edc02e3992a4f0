/**
 * The assistant sidebar's cards (issue 18), against a real WordPress (6.6 and 6.5) with the demo
 * provider: they keep their state (applied / kept back) and their block across a new message and a
 * reload, and a "replace the selected block" card never overwrites an edit silently.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoConsoleErrors } from './support/fixtures';
import {
	blocks,
	savePost,
	waitForBlocks,
	type Wp,
} from './support/block-editor-data';
import { createPost } from './support/courses';
import { editorCanvas, openEditor, openSidebar } from './support/helpers';

const paragraph = ( text: string ) =>
	`<!-- wp:paragraph -->\n<p>${ text }</p>\n<!-- /wp:paragraph -->`;

/** After a reload the sidebar is usually still open (the editor remembers it); open it if not. */
async function sidebarAfterReload( page: Page ): Promise< Locator > {
	const sidebar = page.locator( '.mpcc-assistant' );
	try {
		await sidebar.waitFor( { state: 'visible', timeout: 5000 } );
	} catch {
		return openSidebar( page );
	}
	await expect(
		sidebar.getByRole( 'textbox', { name: 'Message to the copilot' } )
	).toBeEnabled();
	return sidebar;
}

async function paragraphTexts( page: Page ): Promise< string[] > {
	return ( await blocks( page ) ).map( ( b ) =>
		String( b.attributes.content ?? '' )
	);
}

/** The sidebar's session has nothing left to save (card states included). */
async function sessionSaved( page: Page ) {
	await page.waitForFunction( () => {
		const session = ( window as unknown as { wp: Wp } ).wp.data.select(
			'mpcc/session'
		);
		return (
			! session.hasUnsavedChanges() &&
			! session.isRequesting( 'assistant' )
		);
	} );
}

async function ask( sidebar: Locator, text: string ) {
	const replies = sidebar.locator( '.mpcc-message.is-assistant' );
	const count = await replies.count();
	await sidebar
		.getByRole( 'textbox', { name: 'Message to the copilot' } )
		.fill( text );
	await sidebar.getByRole( 'button', { name: 'Send' } ).click();
	await expect( replies ).toHaveCount( count + 1 );
}

async function selectParagraph( page: Page, text: string ) {
	await (
		await editorCanvas( page )
	)
		.locator( '[data-type="core/paragraph"]' )
		.filter( { hasText: text } )
		.first()
		.click();
}

test( 'assistant cards keep their state and their block across a new message and a reload, and never overwrite an edit silently', async ( {
	page,
	site,
	consoleErrors,
} ) => {
	test.setTimeout( 180_000 );
	const first =
		'The aperture is really the opening in the lens that lets light reach the sensor.';
	const second =
		'A wide aperture gives a very shallow depth of field and a soft background.';
	const third =
		'A narrow aperture keeps near and far things sharp, which suits landscapes.';
	const lessonId = createPost(
		site,
		'mpcs-lesson',
		`Cards ${ test.info().project.name } ${ Date.now() }`,
		[ first, second, third ].map( paragraph ).join( '\n\n' )
	);
	await openEditor( page, lessonId );
	await waitForBlocks( page );

	// A replace card for the first paragraph, then another message: the card stays.
	await selectParagraph( page, 'lets light reach the sensor' );
	let sidebar = await openSidebar( page );
	await ask( sidebar, 'Improve this paragraph' );
	const replaceFirst = sidebar
		.locator( '.mpcc-suggestion' )
		.filter( { hasText: 'Replace the selected block' } )
		.filter( { hasText: 'opening in the lens' } );
	await expect( replaceFirst ).toBeVisible();
	await ask( sidebar, 'Summarize this lesson' );
	const summary = sidebar
		.locator( '.mpcc-suggestion' )
		.filter( { hasText: 'Add a summary at the end' } );
	await expect( summary ).toBeVisible();
	await expect( replaceFirst ).toBeVisible();
	await expect(
		replaceFirst.getByRole( 'button', { name: 'Apply', exact: true } )
	).toBeVisible();

	// Apply the summary; save the post; wait until the session has the card's state.
	await summary.getByRole( 'button', { name: 'Apply', exact: true } ).click();
	await expect(
		summary.getByText( 'Applied. The editor’s Undo takes it back.' )
	).toBeVisible();
	await savePost( page );
	await sessionSaved( page );

	// After a reload: applied stays applied, the replace card is still there and still open.
	await page.reload();
	await waitForBlocks( page );
	sidebar = await sidebarAfterReload( page );
	await expect( summary ).toBeVisible();
	await expect(
		summary.getByText( 'Applied. The editor’s Undo takes it back.' )
	).toBeVisible();
	await expect(
		summary.getByRole( 'button', { name: 'Apply again' } )
	).toBeVisible();
	await expect(
		replaceFirst.getByRole( 'button', { name: 'Apply', exact: true } )
	).toBeVisible();

	// A replace card for the second paragraph; then the author edits that paragraph.
	await selectParagraph( page, 'gives a very shallow depth of field' );
	await ask( sidebar, 'Improve this paragraph' );
	const replaceSecond = sidebar
		.locator( '.mpcc-suggestion' )
		.filter( { hasText: 'Replace the selected block' } )
		.filter( { hasText: 'shallow depth of field' } );
	await expect( replaceSecond ).toBeVisible();
	const edited = `${ second } Edited by hand.`;
	await page.evaluate(
		( [ text, content ] ) => {
			const { data } = ( window as unknown as { wp: Wp } ).wp;
			const block = data
				.select( 'core/block-editor' )
				.getBlocks()
				.find( ( b ) =>
					String( b.attributes.content ).includes( text! )
				)!;
			data.dispatch( 'core/block-editor' ).updateBlockAttributes(
				block.clientId,
				{ content }
			);
		},
		[ 'shallow depth of field', edited ]
	);

	// The first card (made before the reload) replaces its own block, not the selected one.
	await replaceFirst
		.getByRole( 'button', { name: 'Apply', exact: true } )
		.click();
	await expect(
		replaceFirst.getByText( 'Applied. The editor’s Undo takes it back.' )
	).toBeVisible();
	let texts = await paragraphTexts( page );
	expect( texts[ 0 ] ).toBe(
		'The aperture is the opening in the lens that lets light reach the sensor.'
	);
	expect( texts[ 1 ] ).toBe( edited );

	// The second card's block was edited: both versions are shown, nothing is replaced until asked.
	await replaceSecond
		.getByRole( 'button', { name: 'Apply', exact: true } )
		.click();
	await expect(
		replaceSecond.getByRole( 'alert' ).filter( {
			hasText:
				'You have edited this block since the suggestion was made.',
		} )
	).toBeVisible();
	await expect(
		replaceSecond.locator( '.mpcc-suggestion__edited' )
	).toContainText( 'Edited by hand.' );
	texts = await paragraphTexts( page );
	expect( texts[ 1 ] ).toBe( edited );
	await replaceSecond
		.getByRole( 'button', { name: 'Keep my version' } )
		.click();
	await expect(
		replaceSecond.getByText(
			'Not applied: you kept your edited version of the block.'
		)
	).toBeVisible();
	expect( ( await paragraphTexts( page ) )[ 1 ] ).toBe( edited );
	await savePost( page );
	await sessionSaved( page );

	// The kept-back card is still kept back after a reload; asked again, the author can replace.
	await page.reload();
	await waitForBlocks( page );
	sidebar = await sidebarAfterReload( page );
	await expect(
		replaceSecond.getByText(
			'Not applied: you kept your edited version of the block.'
		)
	).toBeVisible();
	await expect(
		replaceFirst.getByText( 'Applied. The editor’s Undo takes it back.' )
	).toBeVisible();
	await replaceSecond
		.getByRole( 'button', { name: 'Apply', exact: true } )
		.click();
	await replaceSecond
		.getByRole( 'button', { name: 'Replace my version' } )
		.click();
	await expect(
		replaceSecond.getByText( 'Applied. The editor’s Undo takes it back.' )
	).toBeVisible();
	expect( ( await paragraphTexts( page ) )[ 1 ] ).toBe(
		'A wide aperture gives a shallow depth of field and a soft background.'
	);
	expectNoConsoleErrors( consoleErrors );
} );
