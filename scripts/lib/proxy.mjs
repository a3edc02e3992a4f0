/** Starts the LLM proxy (npm run proxy) as a child process and waits for /healthz. */
import path from 'node:path';
import { ROOT } from './paths.mjs';
import { startProcess, stopProcess, waitForHttp } from './processes.mjs';

export async function startProxy( { port, token, env = {}, logFile } ) {
	const child = startProcess(
		'proxy',
		process.execPath,
		[ '--import', 'tsx', path.join( ROOT, 'proxy/server.ts' ) ],
		{
			cwd: ROOT,
			env: {
				MPCC_PROXY_PORT: String( port ),
				MPCC_PROXY_TOKEN: token,
				...env,
			},
			logFile,
		}
	);
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
