/**
 * The proxy as a server would get it: `npm run proxy:pack`'s tarball installed into an empty folder
 * with plain `npm install`, started through its `courses-copilot-proxy` bin with environment only
 * (no repository, no tsx, no source), answering /healthz and a demo completion.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
	installProxyTarball,
	packProxy,
} from '../../scripts/release/proxy-pack.mjs';

const folder = fs.mkdtempSync(
	path.join( os.tmpdir(), 'mpcc-proxy-install-' )
);
const bin = path.join( folder, 'node_modules/.bin/courses-copilot-proxy' );
let tarball;
let proxy;
let url;
const token = 'packed-proxy-test-token';

/** A port nothing listens on (bound, then freed). */
function freePort() {
	return new Promise( ( resolve ) => {
		const server = net.createServer().listen( 0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close( () => resolve( port ) );
		} );
	} );
}

before( async () => {
	tarball = await packProxy( { quiet: true } );
	assert.equal( installProxyTarball( tarball, folder ), bin );
} );

after( async () => {
	if ( proxy && proxy.exitCode === null ) {
		const exited = new Promise( ( resolve ) =>
			proxy.once( 'exit', resolve )
		);
		proxy.kill( 'SIGTERM' );
		await exited;
	}
	fs.rmSync( folder, { recursive: true, force: true } );
} );

test( 'the package holds the bundle and a bin, and depends only on what the bundle cannot inline', () => {
	const manifest = JSON.parse(
		fs.readFileSync(
			path.join(
				folder,
				'node_modules/courses-copilot-proxy/package.json'
			),
			'utf8'
		)
	);
	assert.deepEqual( Object.keys( manifest.dependencies ), [ 'ioredis' ] );
	assert.equal(
		manifest.bin[ 'courses-copilot-proxy' ],
		'bin/courses-copilot-proxy.mjs'
	);
	const root = JSON.parse(
		fs.readFileSync(
			new URL( '../../package.json', import.meta.url ),
			'utf8'
		)
	);
	assert.equal(
		path.basename( tarball ),
		`courses-copilot-proxy-${ root.version }.tgz`
	);
	assert.equal( manifest.version, root.version );
	// No fastify, AI SDK or zod: they are inside the bundle.
	for ( const inlined of [ 'fastify', 'ai', 'zod', 'pino', 'tsx' ] ) {
		assert.ok(
			! fs.existsSync( path.join( folder, 'node_modules', inlined ) ),
			`${ inlined } is bundled`
		);
	}
} );

test( '--help prints every setting with its default, --version the version', () => {
	const help = spawnSync( bin, [ '--help' ], { encoding: 'utf8' } );
	assert.equal( help.status, 0, help.stderr );
	for ( const name of [
		'MPCC_PROXY_TOKEN',
		'MPCC_LLM_PROVIDER',
		'MPCC_REDIS_URL',
		'MPCC_DEADLINE_TOTAL_MS',
		'OPENAI_API_KEY',
	] ) {
		assert.match(
			help.stdout,
			new RegExp( `${ name }[^\\n]*\\n\\s*default: ` )
		);
	}
	const version = spawnSync( bin, [ '--version' ], { encoding: 'utf8' } );
	assert.match( version.stdout, /^\d+\.\d+\.\d+\n$/ );
} );

test( 'started with environment only, it answers /healthz and a demo completion', async () => {
	const port = await freePort();
	url = `http://127.0.0.1:${ port }`;
	proxy = spawn( bin, [], {
		cwd: folder,
		env: {
			PATH: process.env.PATH,
			MPCC_PROXY_PORT: String( port ),
			MPCC_PROXY_TOKEN: token,
			MPCC_LLM_PROVIDER: 'demo',
		},
		stdio: [ 'ignore', 'pipe', 'pipe' ],
	} );
	let log = '';
	proxy.stdout.on( 'data', ( chunk ) => ( log += chunk ) );
	proxy.stderr.on( 'data', ( chunk ) => ( log += chunk ) );
	await new Promise( ( resolve, reject ) => {
		proxy.once( 'exit', ( code ) =>
			reject( new Error( `the proxy exited (${ code }):\n${ log }` ) )
		);
		const poll = setInterval( () => {
			if ( log.includes( 'mpcc proxy ready' ) ) {
				clearInterval( poll );
				resolve();
			}
		}, 50 );
	} );

	const health = await fetch( `${ url }/healthz` );
	assert.equal( health.status, 200 );
	assert.deepEqual( await health.json(), {
		status: 'ok',
		provider: 'demo',
		model: 'demo',
		demo: true,
		json_mode: null,
	} );

	const refused = await fetch( `${ url }/v1/chat/completions`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			authorization: 'Bearer wrong',
		},
		body: '{}',
	} );
	assert.equal( refused.status, 401 );

	const completion = await fetch( `${ url }/v1/chat/completions`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			authorization: `Bearer ${ token }`,
		},
		body: JSON.stringify( {
			model: 'any',
			messages: [
				{ role: 'user', content: 'A course about baking bread' },
			],
		} ),
	} );
	assert.equal( completion.status, 200 );
	const body = await completion.json();
	assert.equal( body.object, 'chat.completion' );
	assert.equal( body.choices[ 0 ].message.role, 'assistant' );
	assert.ok( body.choices[ 0 ].message.content.length > 0 );
} );
