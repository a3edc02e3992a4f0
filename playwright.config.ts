/**
 * End-to-end tests: real WordPress (6.6 and 6.5, started by scripts/test/e2e.mjs) in Debian's Chromium.
 * Run through `npm run test:e2e`, which starts the sites and the proxy and sets the env read here.
 */
import { defineConfig } from '@playwright/test';
import { adminStateFile } from './tests/e2e/support/login';

const site66 = process.env.MPCC_E2E_URL_66 ?? 'http://127.0.0.1:18891';
const site65 = process.env.MPCC_E2E_URL_65 ?? 'http://127.0.0.1:18892';
const output = process.env.MPCC_E2E_OUTPUT ?? 'test-results/e2e';

export default defineConfig( {
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/support/global-setup.ts',
	outputDir: `${ output }/artifacts`,
	timeout: 90_000,
	expect: { timeout: 15_000 },
	fullyParallel: false,
	workers: 2,
	// One retry on CI only, where two workers share two loaded cores: a test that passes on its retry is
	// reported as flaky in the E2E summary line (scripts/test/e2e.mjs), never silently as passed.
	retries: process.env.CI ? 1 : 0,
	reporter: [
		[ 'list' ],
		[ 'junit', { outputFile: `${ output }/junit.xml` } ],
		[ 'json', { outputFile: `${ output }/results.json` } ],
	],
	use: {
		screenshot: 'on',
		trace: 'retain-on-failure',
		viewport: { width: 1440, height: 900 },
		launchOptions: {
			executablePath: process.env.MPCC_CHROMIUM ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic',
			],
		},
	},
	projects: [
		{
			name: 'wp-6.6',
			use: { baseURL: site66, storageState: adminStateFile( 'wp-6.6' ) },
			metadata: {
				siteDir: process.env.MPCC_E2E_SITE_66,
				coreDir: process.env.MPCC_E2E_CORE_66,
			},
		},
		{
			name: 'wp-6.5',
			use: { baseURL: site65, storageState: adminStateFile( 'wp-6.5' ) },
			metadata: {
				siteDir: process.env.MPCC_E2E_SITE_65,
				coreDir: process.env.MPCC_E2E_CORE_65,
			},
			// Tests tagged @6.6-only need something 6.5 lacks.
			grepInvert: /@6\.6-only/,
		},
	],
} );
