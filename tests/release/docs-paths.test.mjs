/**
 * Every file or folder that docs/architecture.md and docs/contracts.md name in backticks exists: code
 * moves (that is how these documents go stale first). A short path such as `Ajax/Runner.php` or
 * `cache/` counts when some tracked path ends with it. And every comment that points to
 * `docs/contracts.md "<section>"` names one of its sections.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, read } from './lib/contract-sources.mjs';

const DOCS = [ 'docs/architecture.md', 'docs/contracts.md' ];

const tracked = execFileSync(
	'git',
	[ 'ls-files', '-co', '--exclude-standard' ],
	{
		cwd: ROOT,
		encoding: 'utf8',
	}
)
	.split( '\n' )
	.filter( Boolean )
	.map( ( path ) => `/${ path }` );

/** Backticked tokens that look like repository paths (not routes, packages, store names or MIME types). */
function namedPaths( text ) {
	return [ ...text.matchAll( /`([^`\s]+)`/g ) ]
		.map( ( [ , token ] ) => token )
		.filter(
			( token ) =>
				token.includes( '/' ) &&
				! /^[/@]|^mpcc\/|^(text|application)\/|[:<{|]|\*\*/.test(
					token
				)
		)
		.map( ( token ) => token.replace( /\/?\*$/, '/' ) );
}

function exists( path ) {
	const wanted = `/${ path.replace( /^\.?\//, '' ) }`;
	return wanted.endsWith( '/' )
		? tracked.some( ( file ) => file.includes( wanted ) )
		: tracked.some( ( file ) => file.endsWith( wanted ) );
}

describe( 'the paths the documents name exist', () => {
	for ( const doc of DOCS ) {
		it( doc, () => {
			const paths = [ ...new Set( namedPaths( read( doc ) ) ) ];
			assert.ok(
				paths.length > 20,
				`only ${ paths.length } paths found`
			);
			assert.deepEqual(
				paths.filter( ( path ) => ! exists( path ) ),
				[]
			);
		} );
	}

	it( 'notices a path that does not exist', () => {
		assert.equal( exists( 'Ajax/Runner.php' ), true );
		assert.equal( exists( 'php-bridge/Ajax/' ), true );
		assert.equal( exists( 'Ajax/Nowhere.php' ), false );
		assert.equal( exists( 'proxy/nowhere/' ), false );
	} );

	it( 'every docs/contracts.md "<section>" reference names a section', () => {
		const sections = read( 'docs/contracts.md' )
			.split( '\n' )
			.filter( ( line ) => line.startsWith( '## ' ) )
			.map( ( line ) => line.slice( 3 ) );
		const wrong = tracked
			.filter( ( file ) => /\.(php|ts|tsx|mjs|js|md)$/.test( file ) )
			.flatMap( ( file ) =>
				[
					...readFileSync( join( ROOT, file ), 'utf8' ).matchAll(
						/contracts\.md`?\s*"([^"]+)"/g
					),
				]
					.filter(
						( [ , name ] ) =>
							! name.startsWith( '<' ) &&
							! sections.includes( name )
					)
					.map( ( [ , name ] ) => `${ file }: "${ name }"` )
			);
		assert.deepEqual( wrong, [] );
	} );
} );
