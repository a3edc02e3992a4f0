import { buildApp } from './app';
import { helpText } from './cli-help';
import { configFromEnv } from './config';

/** The package's version, set by the release build (scripts/release/proxy-pack.mjs); 'dev' otherwise. */
declare const MPCC_PROXY_VERSION: string | undefined;
const version =
	typeof MPCC_PROXY_VERSION === 'string' ? MPCC_PROXY_VERSION : 'dev';

/** `npm run proxy`: configuration from the environment, listen on loopback, stop cleanly on a signal. */
async function main(): Promise< void > {
	if ( process.argv.includes( '--help' ) || process.argv.includes( '-h' ) ) {
		process.stdout.write( helpText( version ) );
		return;
	}
	if ( process.argv.includes( '--version' ) ) {
		process.stdout.write( `${ version }\n` );
		return;
	}
	let config;
	try {
		config = configFromEnv( process.env );
	} catch ( error ) {
		process.stderr.write( `mpcc proxy: ${ ( error as Error ).message }\n` );
		process.exit( 1 );
	}
	const app = await buildApp( config );
	const stop = async ( signal: string ) => {
		app.log.info( { signal }, 'stopping' );
		const closing = app.close();
		// In-flight requests get a grace period; idle or half-open sockets do not hold the exit.
		setTimeout( () => app.server.closeAllConnections(), 5_000 ).unref();
		await closing;
		process.exit( 0 );
	};
	process.once( 'SIGINT', () => void stop( 'SIGINT' ) );
	process.once( 'SIGTERM', () => void stop( 'SIGTERM' ) );
	await app.listen( { host: config.host, port: config.port } );
	app.log.info(
		{
			provider: config.provider,
			model: config.model,
			auth: Boolean( config.token ),
			redis: Boolean( config.redisUrl ),
		},
		'mpcc proxy ready'
	);
}

void main();
