/**
 * npm run bench: every benchmark under bench/, one after another; each prints its own table.
 * `npm run bench -- --quick` passes --quick to each (shorter runs, same tables).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/paths.mjs';
import { run } from './lib/processes.mjs';

const BENCHMARKS = [
	[ 'LLM proxy overhead and throughput', 'bench/proxy/run.ts' ],
	[
		"LLM proxy: where the first chunk's added time goes",
		'bench/proxy/first-chunk-split.ts',
	],
	[ 'First token through PHP', 'bench/php-first-token/run.mjs' ],
	[ 'Session auto-save', 'bench/store/autosave.ts' ],
	[
		'Structured output: schema-invalid answers leaving the proxy',
		'bench/structured-output/run.ts',
	],
];

let failures = 0;
for ( const [ title, file ] of BENCHMARKS ) {
	if ( ! fs.existsSync( path.join( ROOT, file ) ) ) {
		console.log( `\n## ${ title }: ${ file } is missing` );
		failures++;
		continue;
	}
	console.log( `\n## ${ title } (${ file })\n` );
	const { code } = await run(
		process.execPath,
		[ '--import', 'tsx', file, ...process.argv.slice( 2 ) ],
		{ cwd: ROOT }
	);
	if ( code !== 0 ) {
		failures++;
	}
}
process.exit( failures ? 1 : 0 );
