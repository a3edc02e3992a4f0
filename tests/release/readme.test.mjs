/**
 * readme.txt in wordpress.org's format, checked against plugin.php's header (and package.json) so
 * a release cannot ship with a Stable tag or requirements that disagree with the plugin itself.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../scripts/lib/paths.mjs';

const readme = fs.readFileSync( path.join( ROOT, 'readme.txt' ), 'utf8' );
const plugin = fs.readFileSync( path.join( ROOT, 'plugin.php' ), 'utf8' );
const pkg = JSON.parse(
	fs.readFileSync( path.join( ROOT, 'package.json' ), 'utf8' )
);

/** The header block: `Field: value` lines after the === title ===, up to the first blank line. */
const [ head, ...rest ] = readme.split( /\n\s*\n/ );
const lines = head.split( '\n' );
const fields = Object.fromEntries(
	lines
		.slice( 1 )
		.map( ( line ) => line.match( /^([^:]+):\s*(.+)$/ ) )
		.filter( Boolean )
		.map( ( [ , key, value ] ) => [ key.trim(), value.trim() ] )
);
const shortDescription = rest[ 0 ].trim();
const sections = Object.fromEntries(
	[
		...readme.matchAll( /^== (.+?) ==\n([\s\S]*?)(?=^== |(?![\s\S]))/gm ),
	].map( ( [ , name, body ] ) => [ name, body ] )
);
const header = ( name ) =>
	plugin
		.match( new RegExp( `^\\s*\\*\\s*${ name }:\\s*(.+)$`, 'm' ) )?.[ 1 ]
		.trim();

test( 'the title and every header field are there', () => {
	assert.equal( lines[ 0 ], '=== Courses Copilot ===' );
	assert.equal( header( 'Plugin Name' ), 'Courses Copilot' );
	for ( const field of [
		'Contributors',
		'Tags',
		'Requires at least',
		'Tested up to',
		'Requires PHP',
		'Stable tag',
		'License',
	] ) {
		assert.ok( fields[ field ], `${ field } is set` );
	}
	assert.equal( fields.License, 'GPLv2 or later' );
	assert.ok( fields.Tags.split( ',' ).length <= 5, 'at most five tags' );
} );

test( 'versions and requirements agree with plugin.php and package.json', () => {
	assert.equal( fields[ 'Stable tag' ], header( 'Version' ) );
	assert.equal( fields[ 'Stable tag' ], pkg.version );
	assert.match(
		plugin,
		new RegExp(
			`define\\( 'MPCC_VERSION', '${ header( 'Version' ).replaceAll( '.', '\\.' ) }' \\)`
		)
	);
	assert.equal(
		fields[ 'Requires at least' ],
		header( 'Requires at least' )
	);
	assert.equal( fields[ 'Requires PHP' ], header( 'Requires PHP' ) );
	const [ testedMajor, testedMinor ] = fields[ 'Tested up to' ]
		.split( '.' )
		.map( Number );
	const [ minMajor, minMinor ] = fields[ 'Requires at least' ]
		.split( '.' )
		.map( Number );
	assert.ok(
		testedMajor * 100 + testedMinor >= minMajor * 100 + minMinor,
		'Tested up to is not below Requires at least'
	);
} );

test( 'a short description of at most 150 characters follows the header', () => {
	assert.ok( shortDescription.length > 0 );
	assert.ok( ! shortDescription.startsWith( '==' ) );
	assert.ok(
		shortDescription.length <= 150,
		`${ shortDescription.length } characters`
	);
} );

test( 'the sections wordpress.org shows are there', () => {
	for ( const name of [
		'Description',
		'Installation',
		'Frequently Asked Questions',
		'External services',
		'Changelog',
	] ) {
		assert.ok( sections[ name ]?.trim(), `== ${ name } ==` );
	}
	assert.match( sections.Installation, /Upload Plugin/ );
	assert.match( sections.Installation, /proxy/i );
	assert.match(
		sections.Changelog,
		new RegExp( `= ${ pkg.version.replaceAll( '.', '\\.' ) } =` )
	);
} );

test( 'External services says what leaves the site, when, to whom, and links the terms', () => {
	const text = sections[ 'External services' ];
	assert.match( text, /proxy/ );
	assert.match( text, /provider/ );
	assert.match( text, /When you/ );
	for ( const link of [
		'https://openai.com/policies/terms-of-use/',
		'https://openai.com/policies/privacy-policy/',
		'https://www.anthropic.com/legal/commercial-terms',
		'https://www.anthropic.com/legal/privacy',
	] ) {
		assert.ok( text.includes( link ), link );
	}
} );
