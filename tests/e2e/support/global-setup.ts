/**
 * Logs the admin in once per site, before any test runs, and saves the cookies each project's pages
 * start with (playwright.config.ts `storageState`). WordPress keeps a user's logins in one user-meta
 * row that each login reads and rewrites whole, so two workers logging the admin in at the same
 * moment can drop each other's session: the loser's next page is the login screen.
 */
import { request, type FullConfig } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { adminStateFile, postLogin } from './login';

export default async function globalSetup( config: FullConfig ) {
	for ( const project of config.projects ) {
		const baseURL = project.use.baseURL;
		if ( ! baseURL || ! project.metadata?.siteDir ) {
			continue;
		}
		const context = await request.newContext( { baseURL } );
		const status = await postLogin( context, 'admin' );
		if ( status !== 302 ) {
			throw new Error(
				`Logging the admin in to ${ baseURL } answered ${ status }`
			);
		}
		const file = adminStateFile( project.name );
		fs.mkdirSync( path.dirname( file ), { recursive: true } );
		await context.storageState( { path: file } );
		await context.dispose();
	}
}
