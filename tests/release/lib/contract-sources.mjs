/**
 * The contracts as the code states them, read from the sources without running any server: PHP by exact
 * regexes (and a small argument splitter), TypeScript tables by importing them through tsx. Used by
 * tests/release/contracts.test.mjs to hold docs/contracts.md to the code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

export const ROOT = fileURLToPath( new URL( '../../../', import.meta.url ) );

/** Every file under `dir` (relative to the root) whose name ends with `ext`, test folders left out. */
export function sourceFiles( dir, ext ) {
	const out = [];
	const walk = ( path ) => {
		for ( const entry of readdirSync( path, { withFileTypes: true } ) ) {
			const full = join( path, entry.name );
			if ( entry.isDirectory() ) {
				if ( ! [ 'test', 'node_modules' ].includes( entry.name ) ) {
					walk( full );
				}
			} else if ( entry.name.endsWith( ext ) ) {
				out.push( relative( ROOT, full ) );
			}
		}
	};
	walk( join( ROOT, dir ) );
	return out.sort();
}

export const read = ( path ) => readFileSync( join( ROOT, path ), 'utf8' );

function matchesIn( files, pattern ) {
	return files.flatMap( ( file ) => [ ...read( file ).matchAll( pattern ) ] );
}

/* ---------- PHP ---------- */

/** `Class::CONST` or a quoted literal → its string value, looking the class up under php-bridge/. */
export function phpValue( expression ) {
	const literal = /^'([^']*)'$/.exec( expression.trim() );
	if ( literal ) {
		return literal[ 1 ];
	}
	const constant = /^\\?(?:[\w\\]+\\)?(\w+)::(\w+)$/.exec(
		expression.trim()
	);
	if ( ! constant ) {
		throw new Error( `not a PHP constant or literal: ${ expression }` );
	}
	const [ , className, name ] = constant;
	const file = sourceFiles( 'php-bridge', '.php' ).find( ( path ) =>
		path.endsWith( `/${ className }.php` )
	);
	const found =
		file &&
		new RegExp( `const\\s+${ name }\\s*=\\s*'([^']*)'` ).exec(
			read( file )
		);
	if ( ! found ) {
		throw new Error( `${ className }::${ name } not found` );
	}
	return found[ 1 ];
}

/**
 * The top-level arguments of the call whose `(` is at `open`: strings, comments and nested brackets
 * are kept whole, so messages with commas or parentheses (or a translators' comment) do not split.
 */
export function phpArguments( source, open ) {
	const args = [];
	let depth = 0;
	let start = open + 1;
	for ( let i = open; i < source.length; i++ ) {
		const char = source[ i ];
		if ( source.startsWith( '/*', i ) ) {
			i = source.indexOf( '*/', i + 2 ) + 1;
		} else if ( source.startsWith( '//', i ) ) {
			i = source.indexOf( '\n', i );
		} else if ( char === "'" || char === '"' ) {
			for ( i++; i < source.length && source[ i ] !== char; i++ ) {
				if ( source[ i ] === '\\' ) {
					i++;
				}
			}
		} else if ( '([{'.includes( char ) ) {
			depth++;
		} else if ( ')]}'.includes( char ) ) {
			depth--;
			if ( depth === 0 ) {
				args.push( source.slice( start, i ).trim() );
				return args;
			}
		} else if ( char === ',' && depth === 1 ) {
			args.push( source.slice( start, i ).trim() );
			start = i + 1;
		}
	}
	throw new Error( 'unbalanced PHP call' );
}

/** `'key' => value` pairs of a PHP array literal's source (`array( … )` whose `(` is at `open`). */
function phpPairs( source, open ) {
	return Object.fromEntries(
		phpArguments( source, open )
			.filter( ( arg ) => arg !== '' ) // a trailing comma
			.map( ( arg ) => {
				const pair = /^'(\w+)'\s*=>\s*([\s\S]+)$/.exec( arg );
				return pair ? [ pair[ 1 ], pair[ 2 ].trim() ] : [ arg, '' ];
			} )
	);
}

/**
 * action → { nonce, capability? } from ActionRegistry: its table of `'mpcc_…' => array( 'handler' =>,
 * 'nonce' =>, 'capability' => )`, or (before that table) `Handler::ACTION => Handler::class` with the
 * nonce in each handler's `Runner::run( nonce, … )`.
 */
export function phpActions() {
	const registry = read( 'php-bridge/Ajax/ActionRegistry.php' );
	const actions = new Map();
	for ( const match of registry.matchAll(
		/'(mpcc_\w+)'\s*=>\s*array\s*\(/g
	) ) {
		const entry = phpPairs( registry, match.index + match[ 0 ].length - 1 );
		actions.set( match[ 1 ], {
			nonce: phpValue( entry.nonce ),
			capability: entry.capability
				? phpValue( entry.capability )
				: undefined,
		} );
	}
	for ( const [ , handler ] of registry.matchAll(
		/\w+::ACTION\s*=>\s*(\w+)::class/g
	) ) {
		const source = read( `php-bridge/Ajax/${ handler }.php` );
		const run = /Runner::run\(\s*([\w\\]+::\w+|'[^']*')/.exec( source );
		if ( ! run ) {
			throw new Error( `${ handler }: no Runner::run( nonce, … )` );
		}
		actions.set( phpValue( `${ handler }::ACTION` ), {
			nonce: phpValue( run[ 1 ] ),
		} );
	}
	return actions;
}

const THROWN = /new\s+(?:self|AjaxError|DomainError)\s*\(\s*'(mpcc_[a-z_]+)'/g;

/** Every code the bridge throws (`new self|AjaxError|DomainError( 'mpcc_…'`), by file. */
export function phpThrownCodes() {
	return [
		...new Set(
			matchesIn( sourceFiles( 'php-bridge', '.php' ), THROWN ).map(
				( match ) => match[ 1 ]
			)
		),
	].sort();
}

/**
 * code → status as PHP answers it: the `const STATUS = array( 'mpcc_…' => 401, … )` table when there is
 * one, else the status argument of each `new AjaxError|self( 'mpcc_…', message, status … )`.
 */
export function phpErrorStatuses() {
	const files = sourceFiles( 'php-bridge', '.php' );
	const table = files
		.map( read )
		.map(
			( source ) =>
				/const STATUS\s*=\s*array\s*\(/.exec( source ) && source
		)
		.find( Boolean );
	if ( table ) {
		const open = table.indexOf( '(', table.search( /const STATUS\s*=/ ) );
		return new Map(
			Object.entries( phpPairs( table, open ) ).map(
				( [ code, status ] ) => [ code, Number( status ) ]
			)
		);
	}
	const statuses = new Map();
	for ( const file of files ) {
		const source = read( file );
		for ( const match of source.matchAll( THROWN ) ) {
			const open = match.index + match[ 0 ].indexOf( '(' );
			const status = phpArguments( source, open )[ 2 ];
			if ( ! /^\d{3}$/.test( status ?? '' ) ) {
				throw new Error(
					`${ file }: ${ match[ 1 ] } has no literal status`
				);
			}
			const known = statuses.get( match[ 1 ] );
			if ( known !== undefined && known !== Number( status ) ) {
				throw new Error(
					`${ match[ 1 ] } is thrown with ${ known } and ${ status }`
				);
			}
			statuses.set( match[ 1 ], Number( status ) );
		}
	}
	return statuses;
}

/** The `window.mpccConfig` keys BrowserConfig::build() prints, nested ones included. */
export function browserConfigKeys() {
	const source = read( 'php-bridge/Assets/BrowserConfig.php' );
	const body = /function build\([\s\S]*?\n\t}/.exec( source )?.[ 0 ] ?? '';
	return [ ...body.matchAll( /'(\w+)'\s*=>/g ) ].map( ( [ , key ] ) => key );
}

/** table name → [column, definition] in order, from every CREATE TABLE under php-bridge/. */
export function phpTables() {
	const tables = new Map();
	const pattern = /CREATE TABLE \{\$prefix\}(\w+) \(\n([\s\S]*?)\n\)/g;
	for ( const [ , name, body ] of matchesIn(
		sourceFiles( 'php-bridge', '.php' ),
		pattern
	) ) {
		const columns = body
			.split( '\n' )
			.map( ( line ) => line.trim().replace( /,$/, '' ) )
			.filter( ( line ) => ! /^(PRIMARY|UNIQUE|KEY)\b/.test( line ) )
			.map( ( line ) => /^(\w+) (.+)$/.exec( line ).slice( 1 ) );
		tables.set( name, columns );
	}
	return tables;
}

/** SSE event names: those the bridge relays or sends, and those the proxy writes. */
export function streamEventNames() {
	const php = sourceFiles( 'php-bridge', '.php' );
	const proxy = sourceFiles( 'proxy', '.ts' );
	const names = [
		...matchesIn( php, /'(\w+)' === \$event\b/g ),
		...matchesIn( php, /->emit\(\s*'(\w+)'/g ),
		...matchesIn( php, /\$opening\s*=\s*array\(\s*'(\w+)'/g ),
		...matchesIn( proxy, /\.event\(\s*'(\w+)'/g ),
	].map( ( match ) => match[ 1 ] );
	return [ ...new Set( names ) ].sort();
}

/* ---------- proxy ---------- */

/** `METHOD /path` of every route the proxy registers. */
export function proxyRoutes() {
	const files = sourceFiles( 'proxy', '.ts' );
	const shorthand = matchesIn(
		files,
		/\.(get|post|put|patch|delete)\(\s*['"`](\/[^'"`]*)['"`]/g
	).map( ( [ , method, path ] ) => `${ method.toUpperCase() } ${ path }` );
	const full = matchesIn(
		files,
		/\.route\(\s*\{[^}]*?method:\s*'(\w+)'[^}]*?url:\s*'([^']+)'/g
	).map( ( [ , method, path ] ) => `${ method.toUpperCase() } ${ path }` );
	return [ ...new Set( [ ...shorthand, ...full ] ) ].sort();
}

/** The routes the PHP bridge calls (ProxyClient's constants). */
export function bridgeRoutes() {
	return [
		...read( 'php-bridge/Proxy/ProxyClient.php' ).matchAll(
			/const \w+\s*=\s*'(\/v1\/[^']+)'/g
		),
	].map( ( [ , path ] ) => `POST ${ path }` );
}

/** Every environment variable the proxy's configuration reads. */
export function proxyEnvReads() {
	const files = sourceFiles( 'proxy', '.ts' );
	const names = [
		...matchesIn( files, /\benv\.([A-Z][A-Z0-9_]+)/g ),
		...matchesIn( files, /\benv\[\s*'([A-Z][A-Z0-9_]+)'\s*\]/g ),
		...matchesIn( files, /\w+\(\s*env\s*,\s*'([A-Z][A-Z0-9_]+)'/g ),
	].map( ( match ) => match[ 1 ] );
	return [ ...new Set( names ) ].sort();
}

/** The TypeScript tables, imported through tsx: error codes and statuses, proxy kinds, --help's env list. */
export async function typescriptTables() {
	const load = ( path ) => tsImport( join( ROOT, path ), import.meta.url );
	const helpFile = sourceFiles( 'proxy', '.ts' ).find( ( file ) =>
		/export const ENV_SETTINGS\b/.test( read( file ) )
	);
	const [ schemaErrors, clientErrors, proxyErrors, help ] = await Promise.all(
		[
			load( 'src/schemas/errors.ts' ),
			load( 'src/api/errors.ts' ),
			load( 'proxy/errors.ts' ),
			load( helpFile ),
		]
	);
	return {
		errorStatus: new Map( Object.entries( schemaErrors.ERROR_STATUS ) ),
		clientCodes: Object.values( clientErrors.CLIENT_ERROR_CODES ),
		proxyKinds: new Map(
			Object.entries( proxyErrors.ERROR_KINDS ).map(
				( [ code, kind ] ) => [ code, kind.status ]
			)
		),
		envSettings: new Map(
			help.ENV_SETTINGS.map( ( [ name, fallback ] ) => [
				name,
				fallback,
			] )
		),
	};
}
