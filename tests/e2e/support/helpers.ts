/**
 * Helpers the e2e specs share: README screenshots, posts looked up by title, and the block editor
 * (waiting for it, its canvas, its settings panels, the Courses Copilot sidebar).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, keepScreenshot, wpEval, type Site } from './fixtures';

/**
 * Keeps a screenshot with the test's results (test-results/, git-ignored). Only `npm run screenshots`
 * (MPCC_REFRESH_SCREENSHOTS=1) copies the 6.6 ones over the README's docs/screenshots, so `npm test`
 * leaves the git tree as it found it.
 */
export async function readmeShot(
	page: Page,
	testInfo: TestInfo,
	name: string
) {
	const file = await keepScreenshot( page, testInfo, name );
	if (
		process.env.MPCC_REFRESH_SCREENSHOTS === '1' &&
		testInfo.project.name === 'wp-6.6'
	) {
		const target = path.resolve(
			__dirname,
			'../../../docs/screenshots',
			`${ name }.png`
		);
		fs.mkdirSync( path.dirname( target ), { recursive: true } );
		fs.copyFileSync( file, target );
	}
}

/** The id of the first post of `postType` (any status) with this title, or 0. */
export function postIdByTitle(
	site: Site,
	postType: string,
	title: string
): number {
	return wpEval< number >(
		site,
		`$found = get_posts( array( 'post_type' => '${ postType }', 'title' => ${ JSON.stringify( title ) }, 'post_status' => 'any', 'numberposts' => 1 ) );
		return $found ? (int) $found[0]->ID : 0;`
	);
}

/** Waits until the block editor shows its canvas (an iframe or the page itself). */
export async function waitForEditor(
	page: Page,
	options: { timeout?: number } = {}
) {
	await expect(
		page
			.locator( '.editor-styles-wrapper, iframe[name="editor-canvas"]' )
			.first()
	).toBeVisible( options );
}

/** Opens a post in the block editor. */
export async function openEditor( page: Page, postId: number ) {
	await page.goto( `/wp-admin/post.php?post=${ postId }&action=edit` );
	await waitForEditor( page );
}

/** The editor canvas: an iframe on 6.6 (and on 6.5 when every block is API v3), the page otherwise. */
export async function editorCanvas( page: Page ) {
	return ( await page.locator( 'iframe[name="editor-canvas"]' ).count() ) > 0
		? page.frameLocator( 'iframe[name="editor-canvas"]' )
		: page;
}

/** Opens a document-settings panel (plugin panels start closed). */
export async function openPanel( page: Page, title: string ) {
	const toggle = page
		.locator( '.components-panel__body-toggle' )
		.filter( { hasText: new RegExp( `^${ title }$` ) } );
	await expect( toggle ).toBeVisible();
	if ( ( await toggle.getAttribute( 'aria-expanded' ) ) !== 'true' ) {
		await toggle.click();
	}
}

/** Clicks "Courses Copilot" in the editor's more-menu. */
export async function chooseCopilotFromMoreMenu( page: Page ) {
	await page.getByRole( 'button', { name: 'Options' } ).first().click();
	await page
		.getByRole( 'menuitemcheckbox', { name: 'Courses Copilot' } )
		.click();
}

/** Opens "Courses Copilot" from the editor's more-menu and waits for its conversation to load. */
export async function openSidebar( page: Page ): Promise< Locator > {
	await chooseCopilotFromMoreMenu( page );
	const sidebar = page.locator( '.mpcc-assistant' );
	await expect( sidebar ).toBeVisible();
	await expect(
		sidebar.getByRole( 'textbox', { name: 'Message to the copilot' } )
	).toBeEnabled();
	return sidebar;
}
