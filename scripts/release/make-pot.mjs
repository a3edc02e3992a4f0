/**
 * npm run i18n:pot: writes languages/courses-copilot.pot from what ships (the plugin zip's files: PHP,
 * the built JS, block.json) with @wp-blocks/make-pot, a maintained Node port of `wp i18n make-pot`
 * (wp-cli is not reachable here).
 *
 *   node scripts/release/make-pot.mjs           regenerate when the strings changed
 *   node scripts/release/make-pot.mjs --check   exit 1 when the committed .pot is not current (CI)
 *
 * References point at the built files, as in the zip: JS translations are looked up by the built
 * script's path. Two adjustments, both on a temporary copy:
 * - webpack calls imported functions as `(0, i18n.__)( … )`; the port only recognises a plain
 *   `__( … )` call, so the copy's built JS gets the plain form (same line numbers).
 * - the port scans files in parallel, so entries and references come in any order: they are sorted.
 * - the creation date and copyright year change on every run, and line numbers with any edit above a
 *   string, so "current" compares everything else (comparablePot).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../lib/paths.mjs';
import { PLUGIN_SLUG, pluginFiles, pluginVersion } from './plugin-files.mjs';
import { ensureBuild } from '../lib/dependencies.mjs';

const require = createRequire( import.meta.url );
export const POT_FILE = path.join( ROOT, 'languages', `${ PLUGIN_SLUG }.pot` );

const WEBPACK_I18N_CALL = /\(0,\s*[A-Za-z_$][\w$]*\.(__|_x|_n|_nx)\)\(/g;

function pluginHeader( name ) {
	const text = fs.readFileSync( path.join( ROOT, 'plugin.php' ), 'utf8' );
	return (
		text
			.match(
				new RegExp( `^\\s*\\*\\s*${ name }:\\s*(.+)$`, 'm' )
			)?.[ 1 ]
			.trim() ?? ''
	);
}

/** The .pot the current sources make, as text. */
export async function generatePot() {
	await ensureBuild();
	const stage = fs.mkdtempSync( path.join( os.tmpdir(), 'mpcc-pot-' ) );
	const source = path.join( stage, PLUGIN_SLUG );
	try {
		for ( const file of pluginFiles() ) {
			if ( file.startsWith( 'languages/' ) ) {
				continue;
			}
			const target = path.join( source, file );
			fs.mkdirSync( path.dirname( target ), { recursive: true } );
			if ( file.startsWith( 'build/' ) && file.endsWith( '.js' ) ) {
				const code = fs.readFileSync( path.join( ROOT, file ), 'utf8' );
				// A space, not nothing: `return(0,a.__)(` must become `return __(`, not `return__(`.
				fs.writeFileSync(
					target,
					code.replace( WEBPACK_I18N_CALL, ' $1(' )
				);
			} else {
				fs.copyFileSync( path.join( ROOT, file ), target );
			}
		}
		// The port's exec() returns the .pot text (its CLI writes it relative to the working directory).
		const { exec } = require( '@wp-blocks/make-pot/lib/parser/exec.js' );
		const {
			getEncodingCharset,
		} = require( '@wp-blocks/make-pot/lib/fs/fs.js' );
		// The port logs progress and a failed schema download (it falls back to its own copy): keep it quiet.
		const log = console.log;
		const error = console.error;
		console.log = () => {};
		console.error = () => {};
		const headers = {
			name: pluginHeader( 'Plugin Name' ),
			description: pluginHeader( 'Description' ),
			author: pluginHeader( 'Author' ),
			version: pluginVersion(),
			email: 'courses-copilot@example.org',
			textDomain: PLUGIN_SLUG,
		};
		let pot;
		try {
			pot = await exec( {
				slug: PLUGIN_SLUG,
				domain: 'plugin',
				debug: false,
				paths: { cwd: source },
				options: {
					ignoreDomain: false,
					packageName: pluginHeader( 'Plugin Name' ),
					silent: true,
					json: false,
					location: true,
					output: false,
					charset: getEncodingCharset( 'utf-8' ),
					headers,
					skip: {
						js: false,
						php: false,
						blade: true,
						blockJson: false,
						themeJson: true,
						audit: true,
					},
					translationDomains: [ PLUGIN_SLUG ],
				},
				patterns: {
					mergePaths: [],
					subtractPaths: [],
					subtractAndMerge: false,
					include: [ '**' ],
					exclude: [],
				},
				headers,
			} );
		} finally {
			console.log = log;
			console.error = error;
		}
		return sortedPot( pot );
	} finally {
		fs.rmSync( stage, { recursive: true, force: true } );
	}
}

/** The same .pot with its entries sorted by context and text, and each entry's references sorted. */
function sortedPot( text ) {
	const { po } = require( 'gettext-parser' );
	const parsed = po.parse( text );
	const sorted = {};
	for ( const context of Object.keys( parsed.translations ).sort() ) {
		sorted[ context ] = {};
		for ( const id of Object.keys(
			parsed.translations[ context ]
		).sort() ) {
			const entry = parsed.translations[ context ][ id ];
			// The port files translator notes as translator comments ("# …") without their
			// "translators:" tag; GlotPress shows extracted comments ("#. translators: …"), as wp-cli writes.
			if ( entry.comments?.translator ) {
				entry.comments.extracted = [
					entry.comments.extracted,
					...entry.comments.translator
						.split( '\n' )
						.map( ( note ) => `translators: ${ note }` ),
				]
					.filter( Boolean )
					.join( '\n' );
				delete entry.comments.translator;
			}
			if ( entry.comments?.reference ) {
				// Minified files have a handful of long lines: their line numbers say nothing and
				// would change with every build, so built files are referenced by path only.
				const references = entry.comments.reference
					.split( '\n' )
					.map( ( ref ) =>
						ref.replace( /^(build\/.+\.js):\d+$/, '$1' )
					)
					// Header strings are referenced to the port's guess at the main file's name.
					.map( ( ref ) =>
						ref === `${ PLUGIN_SLUG }.php` ? 'plugin.php' : ref
					);
				entry.comments.reference = [ ...new Set( references ) ]
					.sort()
					.join( '\n' );
			}
			sorted[ context ][ id ] = entry;
		}
	}
	parsed.translations = sorted;
	return po.compile( parsed, { foldLength: 79 } ).toString( 'utf8' ) + '\n';
}

/**
 * A .pot without what changes on every run (dates, the copyright year) or with every edit that moves a
 * line (line numbers): "current" means the same strings, plurals, contexts, notes and files. The file
 * itself keeps line numbers, refreshed whenever npm run i18n:pot runs.
 */
export function comparablePot( text ) {
	const out = [];
	let references = [];
	const flush = () => {
		out.push( ...[ ...new Set( references ) ].sort() );
		references = [];
	};
	for ( const line of text.split( '\n' ) ) {
		if (
			/^"(POT-Creation-Date|PO-Revision-Date):/.test( line ) ||
			/^# Copyright \(C\)/.test( line )
		) {
			continue;
		}
		if ( line.startsWith( '#: ' ) ) {
			references.push( line.replace( /:\d+$/, '' ) );
			continue;
		}
		flush();
		out.push( line );
	}
	flush();
	return out.join( '\n' );
}

if ( process.argv[ 1 ] === new URL( import.meta.url ).pathname ) {
	const fresh = await generatePot();
	const current = fs.existsSync( POT_FILE )
		? fs.readFileSync( POT_FILE, 'utf8' )
		: '';
	const same = comparablePot( fresh ) === comparablePot( current );
	if ( process.argv.includes( '--check' ) ) {
		console.log(
			same
				? `${ path.relative( ROOT, POT_FILE ) } is current`
				: `${ path.relative( ROOT, POT_FILE ) } is out of date: run npm run i18n:pot`
		);
		process.exit( same ? 0 : 1 );
	}
	// Rewritten when anything but the dates changed (line numbers too), so it stays exact.
	const withoutDates = ( text ) =>
		text.replace( /^("POT-Creation-Date:|# Copyright \(C\)).*$/gm, '' );
	const unchanged = withoutDates( fresh ) === withoutDates( current );
	if ( ! unchanged ) {
		fs.mkdirSync( path.dirname( POT_FILE ), { recursive: true } );
		fs.writeFileSync( POT_FILE, fresh );
	}
	const count = ( fresh.match( /^msgid "./gm ) ?? [] ).length;
	console.log(
		`${ path.relative( ROOT, POT_FILE ) }: ${ count } strings${ unchanged ? ' (unchanged)' : '' }`
	);
}
