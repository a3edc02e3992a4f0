/**
 * Starts the LLM proxy as `npm run proxy` runs it (build-proxy/server.mjs, built first when a source
 * changed) as a child process and waits for /healthz.
 */
import { ensureProxyBuild } from '../proxy/build.mjs';
import { ROOT } from './paths.mjs';
import { startProcess, stopProcess, waitForHttp } from './processes.mjs';

export async function startProxy( { port, token, env = {}, logFile } ) {
	const serverFile = await ensureProxyBuild();
	const child = startProcess( 'proxy', process.execPath, [ serverFile ], {
		cwd: ROOT,
		env: {
			MPCC_PROXY_PORT: String( port ),
			MPCC_PROXY_TOKEN: token,
			...env,
		},
		logFile,
	} );
	const url = `http://127.0.0.1:${ port }`;
	try {
		const response = await waitForHttp( `${ url }/healthz`, {
			timeoutMs: 30000,
			okStatus: 200,
		} );
		void response;
	} catch ( error ) {
		await stopProcess( child );
		throw new Error(
			`The LLM proxy did not start: ${ error.message }${ logFile ? `\nSee ${ logFile }` : '' }`
		);
	}
	const health = await (
		await fetch( `${ url }/healthz` )
	)
		.json()
		.catch( () => ( {} ) );
	return { child, url, token, health };
}
