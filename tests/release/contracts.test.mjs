/**
 * docs/contracts.md against the code, table by table: every registered ajax action (with its nonce
 * action), every error code and status (PHP, TypeScript, proxy), every proxy route, every environment
 * variable the proxy reads (with --help's default), every table and column created, every stream event
 * and every mpccConfig key. Both ways: a row the code no longer has fails too. Fast, no servers.
 * The last tests break the document on purpose and expect each check to notice.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	browserConfigKeys,
	bridgeRoutes,
	phpActions,
	phpErrorStatuses,
	phpThrownCodes,
	phpTables,
	proxyEnvReads,
	proxyRoutes,
	read,
	streamEventNames,
	typescriptTables,
} from './lib/contract-sources.mjs';
import {
	keyedRows,
	section,
	subsections,
	unquote,
} from './lib/contract-doc.mjs';

const SECTIONS = [
	'Ajax actions',
	'Browser config',
	'Error codes',
	'Stream events',
	'Session data',
	'Tables',
	'Proxy routes',
	'Proxy environment',
];

/* ---------- the checks: each returns the problems it finds ---------- */

function checkSections( doc ) {
	const found = doc
		.split( '\n' )
		.filter( ( line ) => line.startsWith( '## ' ) )
		.map( ( line ) => line.slice( 3 ) );
	return SECTIONS.filter( ( name ) => ! found.includes( name ) ).map(
		( name ) => `section "## ${ name }" is missing`
	);
}

/** Problems for keys the code has and the document lacks, and for rows the code no longer has. */
function bothWays( what, codeKeys, docKeys ) {
	const code = new Set( codeKeys );
	const docs = new Set( docKeys );
	return [
		...[ ...code ]
			.filter( ( key ) => ! docs.has( key ) )
			.map( ( key ) => `${ what }: ${ key } is not documented` ),
		...[ ...docs ]
			.filter( ( key ) => ! code.has( key ) )
			.map(
				( key ) =>
					`${ what }: ${ key } is documented but not in the code`
			),
	];
}

function checkActions( doc, code ) {
	const text = section( doc, 'Ajax actions' );
	const table = keyedRows( text );
	const documented = [ ...table.keys() ].filter( ( key ) =>
		key.startsWith( 'mpcc_' )
	);
	const problems = bothWays( 'ajax action', code.actions.keys(), documented );
	const headings = subsections( text );
	for ( const [ action, { nonce, capability } ] of code.actions ) {
		const row = table.get( action );
		if ( row && ! row[ 1 ].includes( `\`${ nonce }\`` ) ) {
			problems.push(
				`ajax action ${ action }: nonce action should be ${ nonce }, the table says ${ row[ 1 ] }`
			);
		}
		if (
			row &&
			capability &&
			! row[ 2 ].includes( `\`${ capability }\`` )
		) {
			problems.push(
				`ajax action ${ action }: its declared capability ${ capability } is not in ${ row[ 2 ] }`
			);
		}
		if ( ! headings.has( `\`${ action }\`` ) ) {
			problems.push(
				`ajax action ${ action }: no "### \`${ action }\`" with its fields`
			);
		}
	}
	return problems;
}

function checkErrorCodes( doc, code ) {
	const table = keyedRows( section( doc, 'Error codes' ) );
	const expected = new Map( [
		...code.phpErrors,
		...code.ts.errorStatus,
		...code.ts.clientCodes.map( ( name ) => [ name, 0 ] ),
		...code.ts.proxyKinds,
	] );
	const problems = bothWays( 'error code', expected.keys(), table.keys() );
	for ( const name of code.phpThrown ) {
		if ( ! code.phpErrors.has( name ) ) {
			problems.push(
				`error code ${ name }: thrown by PHP but has no status`
			);
		}
	}
	for ( const [ name, status ] of code.phpErrors ) {
		if ( code.ts.errorStatus.get( name ) !== status ) {
			problems.push(
				`error code ${ name }: PHP answers ${ status }, src/schemas/errors.ts says ${ code.ts.errorStatus.get( name ) }`
			);
		}
	}
	for ( const [ name, status ] of expected ) {
		const documented = table.get( name )?.[ 1 ];
		if ( documented !== undefined && Number( documented ) !== status ) {
			problems.push(
				`error code ${ name }: status ${ status } in the code, ${ documented } in the document`
			);
		}
	}
	return problems;
}

function checkRoutes( doc, code ) {
	const table = keyedRows( section( doc, 'Proxy routes' ) );
	const problems = bothWays( 'proxy route', code.routes, table.keys() );
	for ( const route of code.bridgeRoutes ) {
		if ( ! code.routes.includes( route ) ) {
			problems.push(
				`proxy route ${ route }: the PHP bridge calls it but the proxy does not register it`
			);
		}
	}
	return problems;
}

function checkEnvironment( doc, code ) {
	const table = keyedRows( section( doc, 'Proxy environment' ) );
	const names = new Set( [
		...code.envReads,
		...code.ts.envSettings.keys(),
	] );
	const problems = bothWays( 'proxy env', names, table.keys() );
	for ( const name of code.envReads ) {
		if ( ! code.ts.envSettings.has( name ) ) {
			problems.push(
				`proxy env ${ name }: read by the config but missing from --help (ENV_SETTINGS)`
			);
		}
	}
	for ( const [ name, fallback ] of code.ts.envSettings ) {
		const documented = table.get( name )?.[ 1 ];
		if ( documented !== undefined && unquote( documented ) !== fallback ) {
			problems.push(
				`proxy env ${ name }: default "${ fallback }" in the code, ${ documented } in the document`
			);
		}
	}
	return problems;
}

function checkTables( doc, code ) {
	const documented = new Map(
		[ ...subsections( section( doc, 'Tables' ) ) ]
			.filter( ( [ heading ] ) => /^`\{prefix\}\w+`$/.test( heading ) )
			.map( ( [ heading, text ] ) => [
				heading.slice( 9, -1 ),
				keyedRows( text ),
			] )
	);
	const problems = bothWays( 'table', code.tables.keys(), documented.keys() );
	for ( const [ table, columns ] of code.tables ) {
		const docColumns = documented.get( table );
		if ( ! docColumns ) {
			continue;
		}
		problems.push(
			...bothWays(
				`table ${ table } column`,
				columns.map( ( [ name ] ) => name ),
				docColumns.keys()
			)
		);
		for ( const [ name, definition ] of columns ) {
			const cell = docColumns.get( name )?.[ 1 ];
			if ( cell !== undefined && unquote( cell ) !== definition ) {
				problems.push(
					`table ${ table } column ${ name }: "${ definition }" in the code, ${ cell } in the document`
				);
			}
		}
	}
	return problems;
}

function checkStreamEvents( doc, code ) {
	const table = keyedRows( section( doc, 'Stream events' ) );
	return bothWays( 'stream event', code.events, table.keys() );
}

function checkBrowserConfig( doc, code ) {
	const text = section( doc, 'Browser config' );
	return code.configKeys
		.filter(
			( key ) =>
				! new RegExp( `\`(?:\\w+\\.)?${ key }\`|\\b${ key }:` ).test(
					text
				)
		)
		.map( ( key ) => `browser config: ${ key } is not documented` );
}

const CHECKS = {
	sections: checkSections,
	actions: checkActions,
	errorCodes: checkErrorCodes,
	routes: checkRoutes,
	environment: checkEnvironment,
	tables: checkTables,
	streamEvents: checkStreamEvents,
	browserConfig: checkBrowserConfig,
};

/* ---------- the tests ---------- */

const doc = read( 'docs/contracts.md' );
const code = {
	actions: phpActions(),
	phpErrors: phpErrorStatuses(),
	phpThrown: phpThrownCodes(),
	routes: proxyRoutes(),
	bridgeRoutes: bridgeRoutes(),
	envReads: proxyEnvReads(),
	tables: phpTables(),
	events: streamEventNames(),
	configKeys: browserConfigKeys(),
	ts: await typescriptTables(),
};

describe( 'docs/contracts.md matches the code', () => {
	it( 'reads something from every source (a parser that finds nothing is broken)', () => {
		assert.ok( code.actions.size >= 11, `${ code.actions.size } actions` );
		assert.ok(
			code.phpErrors.size >= 12,
			`${ code.phpErrors.size } PHP error codes`
		);
		assert.ok( code.routes.length >= 7, `${ code.routes.length } routes` );
		assert.ok(
			code.envReads.length >= 25,
			`${ code.envReads.length } env reads`
		);
		assert.ok( code.tables.size >= 3, `${ code.tables.size } tables` );
		assert.ok(
			code.events.length >= 8,
			`${ code.events.length } stream events`
		);
		assert.ok(
			code.configKeys.length >= 10,
			`${ code.configKeys.length } mpccConfig keys`
		);
	} );

	for ( const [ name, check ] of Object.entries( CHECKS ) ) {
		it( name, () => assert.deepEqual( check( doc, code ), [] ) );
	}
} );

describe( 'each check notices a broken document', () => {
	/** [check, what to break, the document with one thing removed or changed] */
	const dropRow = ( text, key ) =>
		text.replace( new RegExp( `^\\| \`${ key }\` \\|.*\\n`, 'm' ), '' );
	const cases = [
		[
			'sections',
			'a section renamed',
			doc.replace( '## Session data', '## Sessions' ),
		],
		[
			'actions',
			'an action row',
			dropRow( doc, 'mpcc_create_quiz_for_course' ),
		],
		[
			'actions',
			'a nonce action',
			doc.replace(
				'| `mpcc_auto_save_session` | `mpcc_auto_save_nonce`',
				'| `mpcc_auto_save_session` | `mpcc_editor_nonce`'
			),
		],
		[
			'actions',
			'an action row the code lacks',
			doc.replace(
				'| `mpcc_load_session` |',
				'| `mpcc_fetch_session` | x |\n| `mpcc_load_session` |'
			),
		],
		[ 'errorCodes', 'a server code', dropRow( doc, 'mpcc_ai_refused' ) ],
		[
			'errorCodes',
			'a status',
			doc.replace(
				'| `mpcc_conflict` | 409 |',
				'| `mpcc_conflict` | 410 |'
			),
		],
		[ 'errorCodes', 'a browser code', dropRow( doc, 'mpcc_aborted' ) ],
		[ 'errorCodes', 'a proxy kind', dropRow( doc, 'upstream_timeout' ) ],
		[ 'routes', 'a route', dropRow( doc, 'GET /metrics' ) ],
		[ 'environment', 'a variable', dropRow( doc, 'MPCC_TEMPERATURE' ) ],
		[
			'environment',
			'a default',
			doc.replace(
				'| `MPCC_RETRY_MAX` | `2` |',
				'| `MPCC_RETRY_MAX` | `3` |'
			),
		],
		[
			'tables',
			'a table',
			doc.replace(
				'### `{prefix}mpcc_lesson_drafts`',
				'### lesson drafts'
			),
		],
		[ 'tables', 'a column', dropRow( doc, 'order_index' ) ],
		[
			'tables',
			'a column definition',
			doc.replace(
				'| `current_state` | `varchar(32)',
				'| `current_state` | `varchar(40)'
			),
		],
		[ 'streamEvents', 'an event', dropRow( doc, 'session' ) ],
		[ 'browserConfig', 'a key', doc.replace( /editorUrl/g, 'editorURL' ) ],
	];
	if ( [ ...code.actions.values() ].some( ( entry ) => entry.capability ) ) {
		cases.push( [
			'actions',
			'a declared capability',
			doc.replace(
				'| `mpcc_chat_message` | `mpcc_editor_nonce` (`editor`) | `edit_posts`',
				'| `mpcc_chat_message` | `mpcc_editor_nonce` (`editor`) | `edit_pages`'
			),
		] );
	}
	for ( const [ check, what, broken ] of cases ) {
		it( `${ check }: ${ what }`, () => {
			assert.notEqual(
				broken,
				doc,
				'the test did not change the document'
			);
			assert.notDeepEqual( CHECKS[ check ]( broken, code ), [] );
		} );
	}
} );
