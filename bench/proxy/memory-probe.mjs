/**
 * Loaded into the proxy by the benchmark only (`node --expose-gc --import ./bench/proxy/memory-probe.mjs …`):
 * on SIGUSR2 it forces a full garbage collection and writes one JSON line with the process's memory to
 * file descriptor 3 (a pipe the benchmark opened), so memory is read after GC without touching the proxy.
 */
import fs from 'node:fs';

process.on( 'SIGUSR2', () => {
	const before = process.memoryUsage();
	globalThis.gc?.();
	globalThis.gc?.();
	const after = process.memoryUsage();
	const line = JSON.stringify( {
		rssBeforeGc: before.rss,
		rss: after.rss,
		heapUsed: after.heapUsed,
		heapTotal: after.heapTotal,
		external: after.external,
		arrayBuffers: after.arrayBuffers,
	} );
	try {
		fs.writeSync( 3, `${ line }\n` );
	} catch {
		process.stderr.write( `memory-probe: ${ line }\n` );
	}
} );
