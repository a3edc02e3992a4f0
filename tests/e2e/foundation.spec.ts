/**
 * The plugin is alive in a real WordPress: the assistant sidebar opens from the editor's more-menu on a
 * lesson, and the course editor page mounts its app, with no console errors.
 */
import {
	test,
	expect,
	expectNoConsoleErrors,
	keepScreenshot,
} from './support/fixtures';
import { chooseCopilotFromMoreMenu, waitForEditor } from './support/helpers';

test( 'the Courses Copilot sidebar opens from the more-menu on a new lesson', async ( {
	page,
	consoleErrors,
}, testInfo ) => {
	await page.goto( '/wp-admin/post-new.php?post_type=mpcs-lesson' );
	await waitForEditor( page );
	await chooseCopilotFromMoreMenu( page );
	const sidebar = page
		.getByRole( 'region', { name: /Editor settings|Courses Copilot/ } )
		.filter( { hasText: 'Courses Copilot' } );
	await expect( sidebar.first() ).toBeVisible();
	await keepScreenshot( page, testInfo, 'lesson-sidebar' );
	expectNoConsoleErrors( consoleErrors );
} );

test( 'the course editor page mounts its app', async ( {
	page,
	consoleErrors,
}, testInfo ) => {
	await page.goto( '/wp-admin/admin.php?page=mpcc-course-editor' );
	await expect(
		page.locator( '#mpcc-course-editor-root .mpcc-app__loading' )
	).toHaveCount( 0 );
	await expect( page.locator( '#mpcc-course-editor-root' ) ).not.toBeEmpty();
	const config = await page.evaluate(
		() =>
			( window as unknown as { mpccConfig: Record< string, unknown > } )
				.mpccConfig
	);
	expect( Object.keys( config ) ).toEqual(
		expect.arrayContaining( [
			'ajaxUrl',
			'nonces',
			'userId',
			'postTypes',
			'provider',
		] )
	);
	expect( Object.keys( config.nonces as object ).sort() ).toEqual( [
		'assistant',
		'autoSave',
		'editor',
		'quiz',
	] );
	await keepScreenshot( page, testInfo, 'course-editor-page' );
	expectNoConsoleErrors( consoleErrors );
} );

test( 'nothing of ours loads on a normal post or on the front end', async ( {
	page,
} ) => {
	await page.goto( '/wp-admin/post-new.php' );
	await waitForEditor( page );
	expect( await page.evaluate( () => 'mpccConfig' in window ) ).toBe( false );
	await page.goto( '/' );
	expect(
		await page.locator( 'script[src*="courses-copilot"]' ).count()
	).toBe( 0 );
} );
