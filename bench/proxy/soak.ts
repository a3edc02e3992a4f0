import { rssMb, type Gateway } from './gateways';
import { closedLoop, type Timing } from './load';

/**
 * Our proxy under a soak of mixed traffic (misses, hits, streams) after a warm-up: RSS sampled each
 * second with a linear fit, and the heap retained after a forced GC at both ends.
 */
const fmt = ( value: number, digits = 2 ) =>
	Number.isFinite( value ) ? value.toFixed( digits ) : 'n/a';

/** Least-squares slope of y over x. */
function slope( points: Array< [ number, number ] > ): number {
	const mx = points.reduce( ( s, [ x ] ) => s + x, 0 ) / points.length;
	const my = points.reduce( ( s, [ , y ] ) => s + y, 0 ) / points.length;
	return (
		points.reduce( ( s, [ x, y ] ) => s + ( x - mx ) * ( y - my ), 0 ) /
		points.reduce( ( s, [ x ] ) => s + ( x - mx ) ** 2, 0 )
	);
}

export async function soak(
	ours: Gateway,
	mixed: () => Promise< Timing >,
	warmUpMs: number,
	soakMs: number
): Promise< Array< [ string, string, string ] > > {
	await closedLoop( 8, warmUpMs, mixed );
	const before = await ours.memory();
	const samples: Array< [ number, number ] > = [];
	const start = Date.now();
	const sampler = setInterval(
		() =>
			samples.push( [
				( Date.now() - start ) / 60_000,
				rssMb( ours.pid ),
			] ),
		1000
	);
	const requests = ( await closedLoop( 8, soakMs, mixed ) ).length;
	clearInterval( sampler );
	const after = await ours.memory();
	const minutes = ( Date.now() - start ) / 60_000;
	return [
		[
			`RSS growth over a ${ soakMs / 1000 } s soak after warm-up (${ requests.toLocaleString( 'en-US' ) } requests: misses, hits, streams)`,
			`${ fmt( slope( samples ) ) } MB/min (linear fit of ${ samples.length } samples; RSS ${ fmt( samples[ 0 ]?.[ 1 ] ?? NaN, 1 ) } → ${ fmt( samples.at( -1 )?.[ 1 ] ?? NaN, 1 ) } MB)`,
			'≤ 0.5 MB/min',
		],
		[
			'Heap retained after forced GC, soak start → end',
			`${ fmt( before.heapUsed ) } → ${ fmt( after.heapUsed ) } MB (${ fmt( ( after.heapUsed - before.heapUsed ) / minutes ) } MB/min); external ${ fmt( before.external ) } → ${ fmt( after.external ) } MB; RSS after GC ${ fmt( before.rss, 1 ) } → ${ fmt( after.rss, 1 ) } MB`,
			'—',
		],
	];
}
