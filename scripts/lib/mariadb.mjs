/**
 * A private MariaDB server for tests that need real MySQL behaviour (InnoDB transactions):
 * its own datadir under .wp/mariadb, a unix socket, no TCP port. Starts in about 1.5 s.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WP_DIR } from './paths.mjs';
import { run, startProcess, stopProcess } from './processes.mjs';

const BASE = path.join( WP_DIR, 'mariadb' );
export const MARIADB_SOCKET = path.join( BASE, 'mysqld.sock' );

export async function startMariaDb() {
	const datadir = path.join( BASE, 'data' );
	if ( ! fs.existsSync( path.join( datadir, 'mysql' ) ) ) {
		fs.mkdirSync( datadir, { recursive: true } );
		const init = await run(
			'mariadb-install-db',
			[
				'--user=root',
				`--datadir=${ datadir }`,
				'--auth-root-authentication-method=normal',
				'--skip-test-db',
			],
			{ capture: true }
		);
		if ( init.code !== 0 ) {
			throw new Error( `mariadb-install-db failed:\n${ init.output }` );
		}
	}
	fs.rmSync( MARIADB_SOCKET, { force: true } );
	const child = startProcess(
		'mariadb',
		'mariadbd',
		[
			'--no-defaults',
			'--user=root',
			`--datadir=${ datadir }`,
			`--socket=${ MARIADB_SOCKET }`,
			`--pid-file=${ path.join( BASE, 'mysqld.pid' ) }`,
			'--skip-networking',
			'--innodb-buffer-pool-size=64M',
			'--innodb-log-file-size=16M',
			'--skip-log-bin',
		],
		{ logFile: path.join( BASE, 'server.log' ) }
	);
	const started = Date.now();
	while ( Date.now() - started < 30000 ) {
		const ping = await run(
			'mariadb-admin',
			[ `--socket=${ MARIADB_SOCKET }`, '-uroot', 'ping' ],
			{ capture: true }
		);
		if ( ping.code === 0 ) {
			return {
				child,
				socket: MARIADB_SOCKET,
				stop: () => stopProcess( child ),
			};
		}
		if ( child.exitCode !== null ) {
			break;
		}
		await new Promise( ( r ) => setTimeout( r, 100 ) );
	}
	await stopProcess( child );
	throw new Error(
		`MariaDB did not start; see ${ path.join( BASE, 'server.log' ) }`
	);
}

/**
 * Drops and recreates a database, so every test run starts from nothing.
 * @param name
 */
export async function recreateDatabase( name ) {
	const sql = `DROP DATABASE IF EXISTS \`${ name }\`; CREATE DATABASE \`${ name }\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`;
	const result = await run(
		'mariadb',
		[ `--socket=${ MARIADB_SOCKET }`, '-uroot', '-e', sql ],
		{ capture: true }
	);
	if ( result.code !== 0 ) {
		throw new Error(
			`creating database ${ name } failed: ${ result.output }`
		);
	}
}
