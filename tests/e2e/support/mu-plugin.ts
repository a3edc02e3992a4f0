/**
 * Must-use plugins a spec installs in its own sites for the length of the spec (one file per spec,
 * so two specs running at once never remove each other's). The code should act only for users
 * carrying a meta of its own, so tests running as admin at the same time see nothing of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestInfo } from '@playwright/test';
import { test } from './fixtures';

function muPluginsDir( testInfo: TestInfo ): string {
	const dir = ( testInfo.project.metadata as { coreDir?: string } ).coreDir;
	if ( ! dir ) {
		throw new Error( 'Run the e2e tests with npm run test:e2e' );
	}
	return path.join( dir, 'wp-content/mu-plugins' );
}

/** Installs `code` as mu-plugin `file` before the spec's tests and removes it after them. */
export function useMuPlugin( file: string, code: string ) {
	test.beforeAll( ( {}, testInfo ) => {
		fs.writeFileSync( path.join( muPluginsDir( testInfo ), file ), code );
	} );
	test.afterAll( ( {}, testInfo ) => {
		fs.rmSync( path.join( muPluginsDir( testInfo ), file ), {
			force: true,
		} );
	} );
}
