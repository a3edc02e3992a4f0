/**
 * Shared e2e fixtures: a logged-in page (admin unless a test says otherwise), network kept on loopback,
 * console errors collected and failed on, and helpers to check the database and accessibility.
 */
import {
	test as base,
	expect,
	type Page,
	type TestInfo,
} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { PASSWORD, postLogin } from './login';

export { PASSWORD };

/** Messages the editor itself logs on a clean page load (not ours); anything else fails the test. */
const IGNORED_CONSOLE = [
	/favicon\.ico/,
	/Download the React DevTools/,
	/JQMIGRATE/,
];

export async function logIn( page: Page, user = 'admin', password = PASSWORD ) {
	expect(
		await postLogin( page.request, user, password ),
		`logging in as ${ user }`
	).toBe( 302 );
}

/** The WordPress site a project runs against: its folder (config, SQLite file) and core tree. */
export type Site = { dir: string; core: string };

type Fixtures = {
	consoleErrors: string[];
	user: string;
	site: Site;
};

export const test = base.extend< Fixtures >( {
	user: [ 'admin', { option: true } ],
	site: async ( {}, use, testInfo ) => {
		await use( siteFor( testInfo ) );
	},
	consoleErrors: async ( {}, use ) => {
		await use( [] );
	},
	page: async ( { page, user, consoleErrors }, use ) => {
		page.on( 'console', ( message ) => {
			if (
				message.type() === 'error' &&
				! IGNORED_CONSOLE.some( ( re ) => re.test( message.text() ) )
			) {
				consoleErrors.push( message.text() );
			}
		} );
		page.on( 'pageerror', ( error ) =>
			consoleErrors.push( `pageerror: ${ error.message }` )
		);
		// No network here but loopback: anything else (gravatar, s.w.org) would only show up as failures.
		// Answer them empty instead of aborting, which Chromium would log as a console error.
		await page
			.context()
			.route( /^https?:\/\/(?!127\.0\.0\.1|localhost)/, ( route ) =>
				route.fulfill( { status: 200, body: '' } )
			);
		if ( user !== 'admin' ) {
			// The admin's pages start logged in (global-setup.ts); anyone else logs in here.
			await logIn( page, user );
		}
		await use( page );
	},
} );

export { expect };

function siteFor( testInfo: TestInfo ): Site {
	const { siteDir, coreDir } = ( testInfo.project.metadata ?? {} ) as {
		siteDir?: string;
		coreDir?: string;
	};
	if ( ! siteDir || ! coreDir ) {
		throw new Error(
			'No site for this project: run the e2e tests with npm run test:e2e'
		);
	}
	return { dir: siteDir, core: coreDir };
}

/**
 * Runs PHP inside the site under test and returns its JSON-decoded return value,
 * e.g. `wpEval( site, 'return get_post( 5 )->post_status;' )`.
 */
export function wpEval< T = unknown >( site: Site, php: string ): T {
	const output = execFileSync(
		'php',
		[ path.resolve( __dirname, '../../../scripts/wp/eval.php' ) ],
		{
			input: php,
			env: {
				...process.env,
				MPCC_WP_SITE_DIR: site.dir,
				MPCC_WP_CORE_DIR: site.core,
			},
			encoding: 'utf8',
		}
	);
	return JSON.parse( output ) as T;
}

/** Fails on serious or critical axe violations inside `selector`. */
export async function expectAccessible( page: Page, selector: string ) {
	const results = await new AxeBuilder( { page } )
		.include( selector )
		.analyze();
	const serious = results.violations.filter(
		( v ) => v.impact === 'serious' || v.impact === 'critical'
	);
	expect(
		serious.map(
			( v ) =>
				`${ v.id }: ${ v.help } (${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) })`
		),
		`axe violations in ${ selector }`
	).toEqual( [] );
}

/** Fails when the page logged errors to the console. Call at the end of a test. */
export function expectNoConsoleErrors( errors: string[] ) {
	expect( errors, 'console errors' ).toEqual( [] );
}

/** Saves a named screenshot into the test's output (kept as an artifact) and returns its path. */
export async function keepScreenshot(
	page: Page,
	testInfo: TestInfo,
	name: string
) {
	const file = testInfo.outputPath( `${ name }.png` );
	await page.screenshot( { path: file, fullPage: false } );
	await testInfo.attach( name, { path: file, contentType: 'image/png' } );
	return file;
}
