/** Logging in over HTTP, and where the admin's saved login lives per project (global-setup.ts). */
import type { APIRequestContext } from '@playwright/test';
import path from 'node:path';

export const PASSWORD = process.env.MPCC_ADMIN_PASSWORD ?? 'password';

/**
 * Posts the login form and returns the status (302 when it worked). wp-login.php blanks the password
 * field after load, so typing races it: post the form instead, after the GET that sets its test cookie.
 */
export async function postLogin(
	request: APIRequestContext,
	user: string,
	password = PASSWORD,
	siteUrl = '' // Empty: the request context's baseURL.
): Promise< number > {
	await request.get( `${ siteUrl }/wp-login.php` );
	const response = await request.post( `${ siteUrl }/wp-login.php`, {
		form: {
			log: user,
			pwd: password,
			'wp-submit': 'Log In',
			testcookie: '1',
			redirect_to: `${ siteUrl }/wp-admin/`,
		},
		maxRedirects: 0,
	} );
	return response.status();
}

export function adminStateFile( projectName: string ): string {
	return path.resolve(
		process.env.MPCC_E2E_OUTPUT ?? 'test-results/e2e',
		'auth',
		`${ projectName }.json`
	);
}
