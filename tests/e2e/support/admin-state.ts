/** Where the admin's saved login lives per project, and the form that logs the admin in. */
import path from 'node:path';

export const PASSWORD = process.env.MPCC_ADMIN_PASSWORD ?? 'password';

export const ADMIN_LOGIN_FORM = {
	log: 'admin',
	pwd: PASSWORD,
	'wp-submit': 'Log In',
	testcookie: '1',
	redirect_to: '/wp-admin/',
};

export function adminStateFile( projectName: string ): string {
	return path.resolve(
		process.env.MPCC_E2E_OUTPUT ?? 'test-results/e2e',
		'auth',
		`${ projectName }.json`
	);
}
