/**
 * A site owner's first day, on a clean WordPress (6.6 and 6.5) where the plugin is neither linked nor
 * active: upload courses-copilot.zip through Plugins → Add New → Upload Plugin, activate it, point it at
 * a proxy installed from the packed tarball (Settings → Courses Copilot → Test connection, which also
 * fails clearly for a wrong token and for a URL that is not a proxy), design and create a small course,
 * then deactivate and delete the plugin through the UI and find its tables and options gone.
 *
 * scripts/test/e2e.mjs builds the zip and the tarball and starts the clean sites and that proxy.
 */
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, wpEval, type Site } from './support/fixtures';
import { createCourse } from './support/course-editor';
import { PASSWORD, postLogin } from './support/login';

type CleanSite = Site & { url: string };

function cleanSiteFor( testInfo: TestInfo ): CleanSite {
	const key = testInfo.project.name.replace( /\D/g, '' ); // wp-6.6 → 66
	const url = process.env[ `MPCC_E2E_CLEAN_URL_${ key }` ];
	const dir = process.env[ `MPCC_E2E_CLEAN_SITE_${ key }` ];
	const core = process.env[ `MPCC_E2E_CLEAN_CORE_${ key }` ];
	if ( ! url || ! dir || ! core ) {
		throw new Error(
			'No clean site for this project: run it with npm run test:e2e'
		);
	}
	return { url, dir, core };
}

/** What the plugin leaves in the database: its tables, options, user meta and cron events. */
function pluginData( site: Site ) {
	return wpEval< {
		tables: string[];
		options: string[];
		usermeta: number;
		cron: boolean;
	} >(
		site,
		`global $wpdb;
		return array(
			'tables'   => $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix . 'mpcc_' ) . '%' ) ),
			'options'  => $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '%mpcc%'" ),
			'usermeta' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->usermeta} WHERE meta_key LIKE 'mpcc%'" ),
			'cron'     => false !== wp_next_scheduled( 'mpcc_daily_cleanup' ),
		);`
	);
}

async function logInTo( page: Page, site: CleanSite ) {
	expect(
		await postLogin( page.request, 'admin', PASSWORD, site.url ),
		'logging in to the clean site'
	).toBe( 302 );
}

/** Saves the proxy settings, presses Test connection and returns the notice it shows. */
async function testConnection(
	page: Page,
	{ url, token }: { url: string; token: string }
) {
	await page.getByLabel( 'Proxy URL' ).fill( url );
	await page.getByLabel( 'Proxy token' ).fill( token );
	await page.getByRole( 'button', { name: 'Save Changes' } ).click();
	await expect( page.getByText( 'Settings saved.' ) ).toBeVisible();
	await page.getByRole( 'button', { name: 'Test connection' } ).click();
	const notice = page.locator( '.mpcc-connection-test' );
	await expect( notice ).toBeVisible( { timeout: 60_000 } );
	return notice;
}

test( 'install from the zip, connect to the packed proxy, create a course, delete the plugin', async ( {
	page,
}, testInfo ) => {
	test.setTimeout( 240_000 );
	const site = cleanSiteFor( testInfo );
	const zip = process.env.MPCC_E2E_PLUGIN_ZIP as string;
	const proxy = {
		url: process.env.MPCC_E2E_RELEASE_PROXY_URL as string,
		token: process.env.MPCC_E2E_RELEASE_PROXY_TOKEN as string,
	};
	await logInTo( page, site );

	// A clean site: the plugin is not there at all.
	await page.goto( `${ site.url }/wp-admin/plugins.php` );
	await expect(
		page.locator( 'tr[data-slug="courses-copilot"]' )
	).toHaveCount( 0 );
	expect( pluginData( site ).tables ).toEqual( [] );

	// Plugins → Add New → Upload Plugin → Install Now → Activate.
	await page
		.locator( '.wrap .page-title-action', { hasText: /Add New/ } )
		.click();
	await page.getByRole( 'button', { name: 'Upload Plugin' } ).click();
	await page.locator( 'input#pluginzip' ).setInputFiles( zip );
	await page.getByRole( 'button', { name: 'Install Now' } ).click();
	await expect(
		page.getByText( 'Plugin installed successfully.' )
	).toBeVisible( { timeout: 60_000 } );
	await page.getByRole( 'link', { name: 'Activate Plugin' } ).click();
	await expect( page.getByText( 'Plugin activated.' ) ).toBeVisible();
	const row = page.locator( 'tr[data-slug="courses-copilot"]' );
	await expect( row ).toHaveClass( /\bactive\b/ );
	expect( pluginData( site ).tables.sort() ).toEqual( [
		'wp_mpcc_conversations',
		'wp_mpcc_lesson_drafts',
	] );

	// Settings → Courses Copilot: a wrong token, a URL that is not a proxy, then the right ones.
	await page.locator( '#menu-settings > a' ).click();
	await page
		.locator( '#menu-settings a', { hasText: 'Courses Copilot' } )
		.click();
	await expect(
		page.getByRole( 'heading', { name: 'Courses Copilot' } )
	).toBeVisible();

	let notice = await testConnection( page, {
		url: proxy.url,
		token: 'not-the-token',
	} );
	await expect( notice ).toHaveClass( /notice-error/ );
	await expect( notice ).toContainText( 'refused the token' );

	notice = await testConnection( page, {
		url: site.url,
		token: proxy.token,
	} );
	await expect( notice ).toHaveClass( /notice-error/ );
	await expect( notice ).toContainText( 'it is not a Courses Copilot proxy' );

	notice = await testConnection( page, proxy );
	await expect( notice ).toHaveClass( /notice-success/ );
	await expect( notice ).toContainText(
		'Connected. Provider: demo, model: demo (demo: not a real AI).'
	);

	// Design and create a small course.
	await page.goto(
		`${ site.url }/wp-admin/admin.php?page=mpcc-course-editor`
	);
	const message = page.getByRole( 'textbox', { name: 'Message' } );
	await message.fill( 'A short course on brewing green tea' );
	await message.press( 'Enter' );
	await expect( page.locator( '.mpcc-section' ).first() ).toBeVisible( {
		timeout: 30_000,
	} );
	const title = page.getByRole( 'textbox', { name: 'Course title' } );
	await expect( title ).not.toHaveValue( '' );
	const courseTitle = await title.inputValue();
	// Older builds asked for a confirmation message before Create; newer ones do not.
	const looksGood = page.getByRole( 'button', { name: 'Say it looks good' } );
	if ( await looksGood.count() ) {
		await looksGood.click();
	}
	await createCourse( page );
	const course = wpEval< { status: string; sections: number } | null >(
		site,
		`global $wpdb;
		$found = get_posts( array( 'post_type' => 'mpcs-course', 'title' => ${ JSON.stringify(
			courseTitle
		) }, 'post_status' => 'any', 'numberposts' => 1 ) );
		if ( ! $found ) { return null; }
		$sections = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}mpcs_sections WHERE course_id = %d", $found[0]->ID ) );
		return array( 'status' => $found[0]->post_status, 'sections' => $sections );`
	);
	expect( course?.status ).toBe( 'draft' );
	expect( course?.sections ).toBeGreaterThan( 0 );
	expect( pluginData( site ).tables.length ).toBe( 2 );

	// Deactivate, then delete through the UI: uninstall.php removes what the plugin stored.
	await page.goto( `${ site.url }/wp-admin/plugins.php` );
	await row
		.getByRole( 'link', { name: 'Deactivate Courses Copilot' } )
		.click();
	await expect( page.getByText( 'Plugin deactivated.' ) ).toBeVisible();
	expect( pluginData( site ).cron ).toBe( false );
	page.once( 'dialog', ( dialog ) => void dialog.accept() );
	await row.getByRole( 'link', { name: 'Delete Courses Copilot' } ).click();
	await expect(
		page.getByText( 'Courses Copilot was successfully deleted.' )
	).toBeVisible( { timeout: 30_000 } );
	await page.reload();
	await expect(
		page.locator( 'tr[data-slug="courses-copilot"]' )
	).toHaveCount( 0 );
	expect( pluginData( site ) ).toEqual( {
		tables: [],
		options: [],
		usermeta: 0,
		cron: false,
	} );
	// The course is the site owner's content: it stays (its post type is unregistered now: ask the table).
	expect(
		wpEval< number >(
			site,
			`global $wpdb;
			return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = 'mpcs-course' AND post_title = %s", ${ JSON.stringify(
				courseTitle
			) } ) );`
		)
	).toBe( 1 );
} );
