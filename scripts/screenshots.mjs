/**
 * npm run screenshots: refreshes the README's docs/screenshots/*.png from the end-to-end tests that
 * take them (WordPress 6.6, demo model). `npm test` never writes there; this is the only script that does.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const e2e = fileURLToPath( new URL( './test/e2e.mjs', import.meta.url ) );
const { status } = spawnSync(
	process.execPath,
	[
		e2e,
		'--project=wp-6.6',
		'tests/e2e/course-editor.spec.ts',
		'tests/e2e/assistant-sidebar.spec.ts',
		'tests/e2e/quiz.spec.ts',
		...process.argv.slice( 2 ),
	],
	{
		stdio: 'inherit',
		env: { ...process.env, MPCC_REFRESH_SCREENSHOTS: '1' },
	}
);
process.exit( status ?? 1 );
