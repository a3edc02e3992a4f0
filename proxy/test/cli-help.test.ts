import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ENV_SETTINGS, helpText } from '../cli-help';

/** Every environment variable config.ts reads, found in its source (quoted names and env.NAME). */
function variablesReadByConfig(): string[] {
	const source = fs.readFileSync(
		path.join( __dirname, '..', 'config.ts' ),
		'utf8'
	);
	const names = new Set< string >();
	for ( const match of source.matchAll(
		/'((?:MPCC|OPENAI|ANTHROPIC)_[A-Z_]+)'|env\.([A-Z_]+)/g
	) ) {
		names.add( ( match[ 1 ] ?? match[ 2 ] ) as string );
	}
	return [ ...names ].sort();
}

test( '--help lists every variable the proxy reads, each with a default', () => {
	const read = variablesReadByConfig();
	assert.ok( read.length > 20, `found ${ read.length } variables` );
	const listed = ENV_SETTINGS.map( ( [ name ] ) => name );
	for ( const name of read ) {
		assert.ok( listed.includes( name ), `${ name } is in --help` );
	}
	const text = helpText( '1.2.3' );
	for ( const [ name, fallback ] of ENV_SETTINGS ) {
		assert.ok( text.includes( name ) );
		assert.ok( fallback !== '', `${ name } has a default shown` );
		assert.ok( text.includes( `default: ${ fallback }` ) );
	}
	assert.match( text, /default: 127\.0\.0\.1/ );
	assert.match( text, /MPCC_PROXY_PORT[^\n]*\n\s*default: 8787/ );
} );
