/**
 * Bundle budgets: gzip size of each surface's bundle against its budget, and every generated
 * *.asset.php listing only WordPress (wp-*) and React handles, so WordPress packages stay external.
 * Prints a table and `Budgets: N passed, N failed`.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT } from '../lib/paths.mjs';

export const BUDGETS_KB = {
	'session-store': 20,
	'assistant-sidebar': 15,
	'classic-assistant': 15,
	'course-editor': 40,
	// 15 until the confirmation before Generate again replaces hand-edited questions (14.9 → 15.6 kB).
	'quiz-modal': 16,
	'question-blocks': 15,
};
const ALLOWED_HANDLE = /^(wp-[a-z0-9-]+|react|react-dom|react-jsx-runtime)$/;

let passed = 0;
let failed = 0;
const rows = [];
for ( const [ bundle, budget ] of Object.entries( BUDGETS_KB ) ) {
	const js = path.join( ROOT, 'build', bundle, 'index.js' );
	const assetFile = path.join( ROOT, 'build', bundle, 'index.asset.php' );
	if ( ! fs.existsSync( js ) || ! fs.existsSync( assetFile ) ) {
		rows.push( [
			bundle,
			'missing',
			`${ budget } kB`,
			'FAIL (not built)',
		] );
		failed++;
		continue;
	}
	const gzipKb =
		zlib.gzipSync( fs.readFileSync( js ), { level: 9 } ).length / 1024;
	const handles = [
		...fs.readFileSync( assetFile, 'utf8' ).matchAll( /'([^']+)'/g ),
	]
		.map( ( m ) => m[ 1 ] )
		.filter( ( h ) => h !== 'dependencies' && h !== 'version' );
	const deps = handles.slice( 0, -1 ); // the last quoted string is the version hash
	const foreign = deps.filter( ( h ) => ! ALLOWED_HANDLE.test( h ) );
	const sizeOk = gzipKb <= budget;
	const depsOk = foreign.length === 0;
	rows.push( [
		bundle,
		`${ gzipKb.toFixed( 1 ) } kB`,
		`${ budget } kB`,
		sizeOk && depsOk
			? 'ok'
			: `FAIL${ sizeOk ? '' : ' (over budget)' }${ depsOk ? '' : ` (non-WordPress handles: ${ foreign.join( ', ' ) })` }`,
	] );
	for ( const ok of [ sizeOk, depsOk ] ) {
		if ( ok ) {
			passed++;
		} else {
			failed++;
		}
	}
}
// A bundle built against the shared session store must be loaded after it: PHP's list says which.
const loader = fs.readFileSync(
	path.join( ROOT, 'php-bridge/Assets/ScriptLoader.php' ),
	'utf8'
);
const declaredUsers =
	(
		loader.match( /SESSION_STORE_USERS\s*=\s*array\(([^)]*)\)/ )?.[ 1 ] ??
		''
	)
		.match( /'[^']+'/g )
		?.map( ( q ) => q.slice( 1, -1 ) ) ?? [];
for ( const bundle of Object.keys( BUDGETS_KB ) ) {
	const js = path.join( ROOT, 'build', bundle, 'index.js' );
	if ( bundle === 'session-store' || ! fs.existsSync( js ) ) {
		continue;
	}
	const usesStore = fs
		.readFileSync( js, 'utf8' )
		.includes( 'mpcc.sessionStore' );
	if ( usesStore && ! declaredUsers.includes( bundle ) ) {
		rows.push( [
			bundle,
			'',
			'',
			'FAIL (uses the session store script; add it to ScriptLoader::SESSION_STORE_USERS)',
		] );
		failed++;
	} else {
		passed++;
	}
}
console.log( '| bundle | gzip | budget | result |\n|---|---|---|---|' );
for ( const row of rows ) {
	console.log( `| ${ row.join( ' | ' ) } |` );
}
console.log( `Budgets: ${ passed } passed, ${ failed } failed` );
process.exit( failed ? 1 : 0 );
