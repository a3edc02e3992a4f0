/**
 * What ships in the plugin zip: package.json's `files` (the one place it is defined), read the way npm
 * reads it (npm-packlist, negations included), less what npm adds on its own to every package
 * (package.json and the repository's README.md, which are not part of a WordPress plugin).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from '../lib/paths.mjs';

const require = createRequire( import.meta.url );
const { sync: packlist } = require( 'npm-packlist' );

/** Files npm always packs; a plugin has its own readme.txt. */
const NPM_ALWAYS = new Set( [ 'package.json', 'README.md' ] );

export const PLUGIN_SLUG = 'courses-copilot';

/** @return {string[]} paths relative to the repository, sorted. */
export function pluginFiles() {
	return packlist( { path: ROOT } )
		.filter( ( file ) => ! NPM_ALWAYS.has( file ) )
		.sort();
}

/** The version in plugin.php's header. */
export function pluginVersion() {
	const header = fs.readFileSync( path.join( ROOT, 'plugin.php' ), 'utf8' );
	const match = header.match( /^\s*\*\s*Version:\s*(\S+)/m );
	if ( ! match ) {
		throw new Error( 'plugin.php has no Version header' );
	}
	return match[ 1 ];
}
