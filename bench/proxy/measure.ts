import autocannon from 'autocannon';
import { cpuSeconds, type Gateway } from './gateways';
import { closedLoop, type Timing } from './load';

/**
 * The measurements of the proxy benchmark, each taken for every path in rounds (the order rotating
 * from round to round) so that drift on a shared machine hits all paths alike.
 */
export interface Path {
	name: string;
	send: () => Promise< Timing >;
}

export type ByPath = Record< string, number[] >;

const empty = ( paths: Path[] ): ByPath =>
	Object.fromEntries( paths.map( ( p ) => [ p.name, [] ] ) );

function checked( timing: Timing ): Timing {
	if ( timing.status !== 200 ) {
		throw new Error( `status ${ timing.status }` );
	}
	return timing;
}

/**
 * One client: every path once per round, in an order rotating by round. Also the CPU each gateway
 * used over the loop per request it served (the gateways idle while the other paths run).
 */
export async function oneClient(
	paths: Path[],
	gateways: Gateway[],
	rounds: number,
	pick: ( t: Timing ) => number = ( t ) => t.totalNs
): Promise< { latency: ByPath; cpuMsPerRequest: Record< string, number > } > {
	const latency = empty( paths );
	const cpuBefore = gateways.map( ( g ) => cpuSeconds( g.pid ) );
	for ( let n = 0; n < rounds; n++ ) {
		for ( let k = 0; k < paths.length; k++ ) {
			const path = paths[ ( n + k ) % paths.length ] as Path;
			latency[ path.name ]?.push( pick( checked( await path.send() ) ) );
		}
	}
	const cpuMsPerRequest = Object.fromEntries(
		gateways.map( ( g, i ) => [
			g.name,
			( 1000 * ( cpuSeconds( g.pid ) - ( cpuBefore[ i ] as number ) ) ) /
				rounds,
		] )
	);
	return { latency, cpuMsPerRequest };
}

/** `clients` at once on one path for `segmentMs`, every path in turn, `rounds` times. */
export async function concurrent(
	paths: Path[],
	clients: number,
	rounds: number,
	segmentMs: number
): Promise< ByPath > {
	const latency = empty( paths );
	for ( let n = 0; n < rounds; n++ ) {
		for ( let k = 0; k < paths.length; k++ ) {
			const path = paths[ ( n + k ) % paths.length ] as Path;
			latency[ path.name ]?.push(
				...( await closedLoop( clients, segmentMs, path.send ) )
			);
		}
	}
	return latency;
}

export interface Throughput {
	rate: number;
	failed: number;
	perCpuSecond: number;
	busy: number;
}

/** 64 connections on one gateway for `seconds`; requests served per CPU-second it used. */
export async function throughput(
	gateway: Gateway,
	route: string,
	body: () => string,
	seconds: number,
	extraHeaders: Record< string, string > = {}
): Promise< Throughput > {
	const cpuBefore = cpuSeconds( gateway.pid );
	const result = await autocannon( {
		url: `${ gateway.url }${ route }`,
		connections: 64,
		duration: seconds,
		method: 'POST',
		headers: {
			...gateway.headers,
			...extraHeaders,
			'content-type': 'application/json',
		},
		requests: [ { setupRequest: ( req ) => ( { ...req, body: body() } ) } ],
	} );
	const cpu = cpuSeconds( gateway.pid ) - cpuBefore;
	return {
		rate: result.requests.average,
		failed: result.non2xx + result.errors,
		perCpuSecond: result.requests.total / cpu,
		busy: cpu / seconds,
	};
}

/** Throughput of each gateway in `rounds` alternating slices; the sums of requests over CPU. */
export async function throughputRounds(
	gateways: Gateway[],
	rounds: number,
	seconds: number,
	run: ( g: Gateway, seconds: number ) => Promise< Throughput >
): Promise< Record< string, Throughput > > {
	const total: Record< string, Throughput[] > = Object.fromEntries(
		gateways.map( ( g ) => [ g.name, [] ] )
	);
	for ( let n = 0; n < rounds; n++ ) {
		for ( let k = 0; k < gateways.length; k++ ) {
			const g = gateways[ ( n + k ) % gateways.length ] as Gateway;
			total[ g.name ]?.push( await run( g, seconds / rounds ) );
		}
	}
	const mean = ( list: Throughput[], f: ( t: Throughput ) => number ) =>
		list.reduce( ( s, t ) => s + f( t ), 0 ) / list.length;
	return Object.fromEntries(
		Object.entries( total ).map( ( [ name, list ] ) => [
			name,
			{
				rate: mean( list, ( t ) => t.rate ),
				failed: list.reduce( ( s, t ) => s + t.failed, 0 ),
				perCpuSecond: mean( list, ( t ) => t.perCpuSecond ),
				busy: mean( list, ( t ) => t.busy ),
			},
		] )
	);
}
