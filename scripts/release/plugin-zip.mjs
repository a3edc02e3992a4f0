/**
 * npm run plugin-zip: writes courses-copilot.zip, the file a site owner uploads in Plugins → Add New →
 * Upload Plugin. One root folder, courses-copilot/, holding only what runs on a site (package.json
 * `files`, see plugin-files.mjs). Builds the browser bundles first when a source is newer than them.
 *
 * Not `wp-scripts plugin-zip`: it zips npm-packlist's list as is, which always adds package.json and
 * the developers' README.md to the plugin. adm-zip is the library it uses, and so do we.
 */
import AdmZip from 'adm-zip';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuild } from '../lib/dependencies.mjs';
import { ROOT } from '../lib/paths.mjs';
import { PLUGIN_SLUG, pluginFiles } from './plugin-files.mjs';

export const PLUGIN_ZIP = path.join( ROOT, `${ PLUGIN_SLUG }.zip` );

export async function buildPluginZip( { quiet = false } = {} ) {
	await ensureBuild();
	const files = pluginFiles();
	for ( const required of [
		'plugin.php',
		'readme.txt',
		'build/course-editor/index.js',
	] ) {
		if ( ! files.includes( required ) ) {
			throw new Error( `${ required } is missing from the plugin files` );
		}
	}
	const zip = new AdmZip();
	for ( const file of files ) {
		const folder = path.posix.dirname( file );
		zip.addLocalFile(
			path.join( ROOT, file ),
			`${ PLUGIN_SLUG }/${ folder === '.' ? '' : folder }`
		);
	}
	const temporary = `${ PLUGIN_ZIP }.${ process.pid }.tmp`;
	zip.writeZip( temporary );
	fs.renameSync( temporary, PLUGIN_ZIP );
	if ( ! quiet ) {
		console.log(
			`• ${ path.relative( ROOT, PLUGIN_ZIP ) }: ${ files.length } files, ${ Math.round( fs.statSync( PLUGIN_ZIP ).size / 1024 ) } kB`
		);
	}
	return PLUGIN_ZIP;
}

if ( process.argv[ 1 ] === new URL( import.meta.url ).pathname ) {
	await buildPluginZip();
}
