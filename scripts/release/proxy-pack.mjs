/**
 * npm run proxy:pack: writes courses-copilot-proxy-<version>.tgz, the proxy as an npm package a server
 * installs with `npm install ./courses-copilot-proxy-<version>.tgz` (or --global) and runs as
 * `courses-copilot-proxy`, configured by environment variables only (`--help` lists them).
 *
 * The package is the esbuild bundle (scripts/proxy/build.mjs, rebuilt when stale) plus a bin; its
 * only dependency is what the bundle leaves external and loads at run time: ioredis (only with
 * MPCC_REDIS_URL; CommonJS with optional requires). The other externals of the bundle (fastify's
 * schema compilers, light-my-request) are never loaded by the proxy, so the package does not carry them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILD_DIR, ensureProxyBuild } from '../proxy/build.mjs';
import { ROOT } from '../lib/paths.mjs';

export const PROXY_PACKAGE = 'courses-copilot-proxy';
const RUNTIME_DEPENDENCIES = [ 'ioredis' ];

const root = JSON.parse(
	fs.readFileSync( path.join( ROOT, 'package.json' ), 'utf8' )
);
export const PROXY_TARBALL = path.join(
	ROOT,
	`${ PROXY_PACKAGE }-${ root.version }.tgz`
);

const BIN = `#!/usr/bin/env node
// Courses Copilot LLM proxy: configured by environment variables only; --help lists them.
import '../server.mjs';
`;

const README = `# courses-copilot-proxy

The LLM proxy of the Courses Copilot WordPress plugin: WordPress calls it for every model request, and it
holds the provider's API key. Configured by environment variables only:

    courses-copilot-proxy --help

Minimal start (demo model, loopback only):

    MPCC_PROXY_TOKEN=$(openssl rand -hex 24) courses-copilot-proxy

Then enter http://127.0.0.1:8787 and the token in WordPress under Settings → Courses Copilot.
A production setup (systemd, TLS, Redis, metrics, upgrades) is in the plugin repository's docs/deploy.md.
`;

export async function packProxy( { quiet = false } = {} ) {
	await ensureProxyBuild( { quiet: true } );
	const stage = fs.mkdtempSync(
		path.join( os.tmpdir(), 'mpcc-proxy-pack-' )
	);
	try {
		fs.cpSync( BUILD_DIR, stage, {
			recursive: true,
			filter: ( source ) => ! source.endsWith( 'meta.json' ),
		} );
		fs.mkdirSync( path.join( stage, 'bin' ) );
		fs.writeFileSync(
			path.join( stage, 'bin', `${ PROXY_PACKAGE }.mjs` ),
			BIN,
			{ mode: 0o755 }
		);
		fs.writeFileSync( path.join( stage, 'README.md' ), README );
		const dependencies = Object.fromEntries(
			RUNTIME_DEPENDENCIES.map( ( name ) => [
				name,
				root.dependencies[ name ],
			] )
		);
		fs.writeFileSync(
			path.join( stage, 'package.json' ),
			JSON.stringify(
				{
					name: PROXY_PACKAGE,
					version: root.version,
					description:
						'The LLM proxy of the Courses Copilot WordPress plugin (OpenAI, Anthropic, OpenAI-compatible, demo).',
					license: root.license,
					type: 'module',
					engines: root.engines,
					bin: { [ PROXY_PACKAGE ]: `bin/${ PROXY_PACKAGE }.mjs` },
					files: [ 'server.mjs', 'chunks/', 'bin/' ],
					dependencies,
				},
				null,
				2
			) + '\n'
		);
		const packed = spawnSync(
			'npm',
			[ 'pack', '--json', '--pack-destination', ROOT ],
			{ cwd: stage, encoding: 'utf8' }
		);
		if ( packed.status !== 0 ) {
			throw new Error( `npm pack failed:\n${ packed.stderr }` );
		}
		const [ info ] = JSON.parse( packed.stdout );
		if ( ! quiet ) {
			console.log(
				`• ${ info.filename }: ${ info.entryCount } files, ${ Math.round( info.size / 1024 ) } kB packed (${ Math.round( info.unpackedSize / 1024 ) } kB unpacked)`
			);
		}
		return PROXY_TARBALL;
	} finally {
		fs.rmSync( stage, { recursive: true, force: true } );
	}
}

/**
 * Installs a packed tarball into `folder` as a server would (`npm install ./….tgz`; the registry is
 * asked only for its dependencies, which the npm cache usually holds) and returns the bin's path.
 * @param tarball
 * @param folder
 */
export function installProxyTarball( tarball, folder ) {
	fs.rmSync( folder, { recursive: true, force: true } );
	fs.mkdirSync( folder, { recursive: true } );
	fs.writeFileSync(
		path.join( folder, 'package.json' ),
		'{ "private": true }\n'
	);
	const installed = spawnSync(
		'npm',
		[ 'install', '--no-audit', '--no-fund', '--prefer-offline', tarball ],
		{ cwd: folder, encoding: 'utf8' }
	);
	if ( installed.status !== 0 ) {
		throw new Error(
			`npm install ${ tarball } failed:\n${ installed.stderr }`
		);
	}
	return path.join( folder, 'node_modules/.bin', PROXY_PACKAGE );
}

if ( process.argv[ 1 ] === new URL( import.meta.url ).pathname ) {
	await packProxy();
}
