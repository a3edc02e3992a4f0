/**
 * Child processes started in their own process group, so stopping one stops its children too
 * (php -S forks workers; killing only the parent would leave them running).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const running = new Set();

export function startProcess(
	name,
	command,
	args,
	{ env = {}, cwd, logFile } = {}
) {
	if ( logFile ) {
		fs.mkdirSync( path.dirname( logFile ), { recursive: true } );
	}
	const out = logFile ? fs.openSync( logFile, 'a' ) : 'ignore';
	const child = spawn( command, args, {
		cwd,
		env: { ...process.env, ...env },
		detached: true,
		stdio: [ 'ignore', out, out ],
	} );
	child.processName = name;
	running.add( child );
	child.on( 'exit', () => running.delete( child ) );
	return child;
}

export function stopProcess( child, signal = 'SIGTERM' ) {
	if ( ! child || child.exitCode !== null || child.signalCode !== null ) {
		return Promise.resolve();
	}
	return new Promise( ( resolve ) => {
		const timer = setTimeout( () => {
			try {
				process.kill( -child.pid, 'SIGKILL' );
			} catch {}
			resolve();
		}, 5000 );
		child.once( 'exit', () => {
			clearTimeout( timer );
			// The group may still hold workers that outlived the parent.
			try {
				process.kill( -child.pid, 'SIGKILL' );
			} catch {}
			resolve();
		} );
		try {
			process.kill( -child.pid, signal );
		} catch {
			clearTimeout( timer );
			resolve();
		}
	} );
}

export async function stopAll() {
	await Promise.all(
		[ ...running ].reverse().map( ( child ) => stopProcess( child ) )
	);
}

let hooked = false;
/** Stop everything we started on Ctrl-C, SIGTERM or a crash, then exit. */
export function stopAllOnExit() {
	if ( hooked ) {
		return;
	}
	hooked = true;
	const bail = ( code ) => async () => {
		await stopAll();
		process.exit( code );
	};
	process.on( 'SIGINT', bail( 130 ) );
	process.on( 'SIGTERM', bail( 143 ) );
	process.on( 'uncaughtException', async ( error ) => {
		console.error( error );
		await stopAll();
		process.exit( 1 );
	} );
}

const stdioFor = ( quiet ) => ( quiet ? 'ignore' : 'inherit' );

/**
 * Runs a command to completion, inheriting stdio unless `quiet`; resolves with its exit code.
 * @param command
 * @param args
 * @param root0
 * @param root0.env
 * @param root0.cwd
 * @param root0.quiet
 * @param root0.capture
 */
export function run(
	command,
	args,
	{ env = {}, cwd, quiet = false, capture = false } = {}
) {
	return new Promise( ( resolve ) => {
		const child = spawn( command, args, {
			cwd,
			env: { ...process.env, ...env },
			stdio: capture ? [ 'ignore', 'pipe', 'pipe' ] : stdioFor( quiet ),
		} );
		let output = '';
		if ( capture ) {
			child.stdout.on( 'data', ( d ) => ( output += d ) );
			child.stderr.on( 'data', ( d ) => ( output += d ) );
		}
		child.on( 'exit', ( code, signal ) =>
			resolve( { code: code ?? ( signal ? 1 : 0 ), output } )
		);
		child.on( 'error', ( error ) =>
			resolve( { code: 127, output: String( error ) } )
		);
	} );
}

/**
 * Polls a URL until it answers with any HTTP status (or `okStatus`), or throws after `timeoutMs`.
 * @param url
 * @param root0
 * @param root0.timeoutMs
 * @param root0.okStatus
 */
export async function waitForHttp( url, { timeoutMs = 30000, okStatus } = {} ) {
	const started = Date.now();
	let lastError;
	while ( Date.now() - started < timeoutMs ) {
		try {
			const response = await fetch( url, { redirect: 'manual' } );
			await response.arrayBuffer();
			if ( ! okStatus || response.status === okStatus ) {
				return response;
			}
			lastError = new Error( `status ${ response.status }` );
		} catch ( error ) {
			lastError = error;
		}
		await new Promise( ( r ) => setTimeout( r, 150 ) );
	}
	throw new Error(
		`${ url } did not answer within ${ timeoutMs } ms: ${ lastError?.message }`
	);
}
