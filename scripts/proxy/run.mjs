/**
 * npm run proxy: builds build-proxy/server.mjs when a source changed since the last build (in a
 * child process, so esbuild is not loaded here), then runs it in this process — one node process
 * serves, and Ctrl-C / SIGTERM reach the proxy's own graceful stop directly.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { SERVER_FILE, staleReason } from './build.mjs';

const reason = staleReason();
if ( reason !== undefined ) {
	const built = spawnSync(
		process.execPath,
		[ new URL( './build.mjs', import.meta.url ).pathname, '--force' ],
		{ stdio: [ 'ignore', 'inherit', 'inherit' ] }
	);
	if ( built.status !== 0 ) {
		process.stderr.write( `mpcc proxy: build failed (${ reason })\n` );
		process.exit( built.status ?? 1 );
	}
}
await import( pathToFileURL( SERVER_FILE ).href );
