import os from 'node:os';
import {
	buildProxy,
	CPUS,
	ensurePeerInstalled,
	GATEWAY_CPU,
	keepOffGatewayCpu,
	LOAD_CPU,
	sleep,
	startFakeUpstream,
	startFloor,
	startOurs,
	startPeer,
	unitLaunch,
	type Gateway,
	type MemoryReading,
} from './gateways';
import { agent, median, percentile, post } from './load';
import {
	concurrent,
	oneClient,
	throughput,
	throughputRounds,
	type Path,
	type Throughput,
} from './measure';
import {
	count,
	deployedRow,
	fmt,
	printComparison,
	printPlain,
	printTargets,
	type Row,
} from './report';
import { soak } from './soak';

/**
 * The proxy's overhead, throughput and memory beside the floor (a bare node:http forwarder) and a
 * peer (Portkey's open-source gateway), printed as markdown tables.
 *
 *   node --import tsx bench/proxy/run.ts            full run (about 4 minutes)
 *   node --import tsx bench/proxy/run.ts --quick    about 1.5 minutes
 *
 * The three gateways are pinned to CPU 0 (one at a time is loaded); the fake upstream and this
 * process, the load generator, share CPU 1. "Added" compares the same request sent straight to the
 * fake upstream and through each gateway; the paths alternate request by request (1 client) or in
 * short slices (16 clients, throughput), the order rotating by round, after a warm-up not counted.
 */
const QUICK = process.argv.includes( '--quick' );
const CHUNK_DELAY_MS = 5;
const ms = ( ns: number ) => ns / 1e6;
const startedAt = Date.now();
/** A line on stderr per phase: a seven-minute run says where it is, and where it stopped if it fails. */
const phase = ( name: string ) =>
	process.stderr.write(
		`bench/proxy: ${ name } (${ Math.round( ( Date.now() - startedAt ) / 1000 ) } s)\n`
	);
const loadAverage = () =>
	os
		.loadavg()
		.map( ( l ) => l.toFixed( 1 ) )
		.join( ' ' );

async function main(): Promise< void > {
	const loadAtStart = loadAverage();
	keepOffGatewayCpu();
	buildProxy();
	ensurePeerInstalled();
	const fake = await startFakeUpstream( CHUNK_DELAY_MS );
	const gateways: Gateway[] = [];
	// Ours again, started with the systemd unit's node flags: not a column, but loaded beside ours in the
	// throughput rounds so the memory the flags save and the throughput they cost come from one run. The
	// floor too, with the same flags, so the RSS as deployed has a like-for-like floor beside it.
	let deployed: Gateway | undefined;
	let floorDeployed: Gateway | undefined;
	const stopAll = () => {
		for ( const g of [
			...gateways,
			...( deployed ? [ deployed ] : [] ),
			...( floorDeployed ? [ floorDeployed ] : [] ),
		] ) {
			g.process.kill( 'SIGTERM' );
		}
		fake.child.kill( 'SIGTERM' );
		agent.destroy();
	};
	let comparison: Row[] = [];
	let ourRows: Array< [ string, string, string ] > = [];
	let targets: Parameters< typeof printTargets >[ 0 ] = [];
	try {
		gateways.push( await startOurs( fake.url ) );
		gateways.push( await startFloor( fake.url ) );
		gateways.push( await startPeer( fake.url ) );
		const [ ours, floor, peer ] = gateways as [ Gateway, Gateway, Gateway ];
		const unit = unitLaunch();
		deployed = await startOurs( fake.url, 'deployed', unit );
		floorDeployed = await startFloor( fake.url, 'floor-deployed', unit );
		const withDeployed = [ ...gateways, deployed, floorDeployed ];
		// Idle: 12 s after start without traffic (V8's memory reducer has shrunk the start-up heap).
		phase( 'idle 12 s' );
		await sleep( 12_000 );
		const idle: Record< string, MemoryReading > = {};
		for ( const g of withDeployed ) {
			idle[ g.name ] = await g.memory();
		}

		let counter = 0;
		// Every request unique, so every gateway request is a cache miss that goes upstream.
		const chatBody = ( stream = false ) =>
			JSON.stringify( {
				model: 'x',
				stream,
				messages: [
					{
						role: 'user',
						content: `Benchmark message ${ counter++ }`,
					},
				],
			} );
		const hitBody = JSON.stringify( {
			model: 'x',
			messages: [ { role: 'user', content: 'the same every time' } ],
		} );
		const taskBody = () =>
			JSON.stringify( {
				message: `A course about sourdough bread, take ${ counter++ }`,
				history: [],
				conversation_state: 'initial',
			} );
		const direct = ( body: string ) =>
			post( `${ fake.url }/v1/chat/completions`, body );
		const paths = ( stream: boolean ): Path[] => [
			{ name: 'direct', send: () => direct( chatBody( stream ) ) },
			...gateways.map( ( g ) => ( {
				name: g.name,
				send: () => g.chat( chatBody( stream ) ),
			} ) ),
		];

		phase( 'warm-up' );
		// Warm-up, not counted: JIT, sockets, every path, streams, hits, a task route.
		await concurrent(
			[
				...paths( false ),
				{ name: 'deployed', send: () => deployed!.chat( chatBody() ) },
				{
					name: 'floor-deployed',
					send: () => floorDeployed!.chat( chatBody() ),
				},
			],
			8,
			2,
			QUICK ? 400 : 800
		);
		await oneClient( paths( true ), gateways, 20 );
		for ( let i = 0; i < 20; i++ ) {
			await peer.chat( hitBody, peer.hitHeaders ?? {} );
			for ( const g of [ ours, deployed ] ) {
				await g.chat( hitBody );
				await post(
					`${ g.url }/v1/tasks/course-turn`,
					taskBody(),
					g.headers
				);
			}
		}
		const peerCaches =
			(
				await fetch( `${ peer.url }/v1/chat/completions`, {
					method: 'POST',
					headers: {
						...peer.headers,
						...peer.hitHeaders,
						'content-type': 'application/json',
					},
					body: hitBody,
				} )
			).headers.get( 'x-portkey-cache-status' ) ?? 'none';

		phase( 'one client' );
		const one = await oneClient(
			paths( false ),
			gateways,
			QUICK ? 800 : 3_000
		);
		phase( '16 clients' );
		const many = await concurrent(
			paths( false ),
			16,
			QUICK ? 3 : 8,
			QUICK ? 600 : 1_000
		);
		phase( 'first chunk' );
		const first = await oneClient(
			paths( true ),
			gateways,
			QUICK ? 60 : 200,
			( t ) => t.firstContentNs
		);
		const seconds = QUICK ? 4 : 8;
		phase( 'throughput: misses' );
		const misses = await throughputRounds(
			withDeployed,
			2,
			seconds,
			( g, s ) =>
				throughput( g, '/v1/chat/completions', () => chatBody(), s )
		);
		const hitters = gateways.filter(
			( g ) => g.hitHeaders && ( g !== peer || /hit/i.test( peerCaches ) )
		);
		phase( 'throughput: hits' );
		const hits = await throughputRounds(
			[ ...hitters, deployed ],
			2,
			seconds,
			( g, s ) =>
				throughput(
					g,
					'/v1/chat/completions',
					() => hitBody,
					s,
					g.hitHeaders ?? {}
				)
		);
		phase( 'throughput: task route' );
		const taskRounds = await throughputRounds(
			[ ours, deployed ],
			2,
			seconds,
			( g, s ) => throughput( g, '/v1/tasks/course-turn', taskBody, s )
		);
		const tasks = taskRounds.ours as Throughput;
		const afterLoad: Record< string, MemoryReading > = {};
		for ( const g of withDeployed ) {
			afterLoad[ g.name ] = await g.memory();
		}

		const added = (
			by: Record< string, number[] >,
			p: number,
			name: string
		) =>
			ms(
				percentile( by[ name ] ?? [], p ) -
					percentile( by.direct ?? [], p )
			);
		const each = ( f: ( name: string ) => number ) =>
			Object.fromEntries(
				gateways.map( ( g ) => [ g.name, f( g.name ) ] )
			);
		const msCell = ( v: number ) => `${ fmt( v, 3 ) } ms`;
		const latencyRow = (
			name: string,
			by: Record< string, number[] >,
			p: number
		): Row => ( {
			name,
			values: each( ( n ) => added( by, p, n ) ),
			format: msCell,
			notes: Object.fromEntries(
				gateways.map( ( g ) => [
					g.name,
					`${ fmt( ms( percentile( by[ g.name ] ?? [], p ) ), 2 ) } total`,
				] )
			),
		} );
		const perCpu = ( t: Record< string, Throughput > ) =>
			Object.fromEntries(
				Object.entries( t ).map( ( [ n, v ] ) => [ n, v.perCpuSecond ] )
			);
		const direct1 = `direct p50 ${ fmt( ms( median( one.latency.direct ?? [] ) ), 3 ) } / p99 ${ fmt( ms( percentile( one.latency.direct ?? [], 99 ) ), 3 ) } ms`;
		const direct16 = `direct p50 ${ fmt( ms( median( many.direct ?? [] ) ), 2 ) } / p99 ${ fmt( ms( percentile( many.direct ?? [], 99 ) ), 2 ) } ms`;
		comparison = [
			latencyRow( `added p50, 1 client (${ direct1 })`, one.latency, 50 ),
			latencyRow( 'added p99, 1 client', one.latency, 99 ),
			latencyRow( `added p50, 16 clients (${ direct16 })`, many, 50 ),
			latencyRow( 'added p99, 16 clients', many, 99 ),
			{
				name: 'CPU per request, 1 client',
				values: one.cpuMsPerRequest,
				format: msCell,
			},
			{
				name: 'cache misses per CPU-second (64 connections)',
				values: perCpu( misses ),
				format: count,
			},
			{
				name: `cache hits per CPU-second (peer's cache: ${ peerCaches })`,
				values: perCpu( hits ),
				format: count,
			},
			{
				name: `first content chunk, added p50 (direct ${ fmt( ms( median( first.latency.direct ?? [] ) ), 2 ) } ms, upstream gap ${ CHUNK_DELAY_MS } ms)`,
				values: each( ( n ) => added( first.latency, 50, n ) ),
				format: msCell,
			},
			{
				name: 'RSS idle (12 s after start, after a forced GC)',
				values: each( ( n ) => idle[ n ]?.rss ?? NaN ),
				format: ( v ) => `${ fmt( v, 1 ) } MB`,
			},
			{
				name: 'RSS after the load (before / after a forced GC)',
				values: each( ( n ) => afterLoad[ n ]?.rssBeforeGc ?? NaN ),
				format: ( v ) => `${ fmt( v, 1 ) } MB`,
				notes: Object.fromEntries(
					gateways.map( ( g ) => [
						g.name,
						`${ fmt( afterLoad[ g.name ]?.rss ?? NaN, 1 ) } after GC`,
					] )
				),
			},
		];
		const a = ( by: Record< string, number[] >, p: number, n: Gateway ) =>
			added( by, p, n.name );
		targets = [
			{
				name: 'added p50, 1 client ≤ floor + 0.25 ms',
				result: `${ fmt( a( one.latency, 50, ours ), 3 ) } ms (floor ${ fmt( a( one.latency, 50, floor ), 3 ) })`,
				target: `≤ ${ fmt( a( one.latency, 50, floor ) + 0.25, 3 ) } ms`,
				met:
					a( one.latency, 50, ours ) <=
					a( one.latency, 50, floor ) + 0.25,
			},
			{
				name: 'CPU per request ≤ 0.6 ms',
				result: `${ fmt( one.cpuMsPerRequest.ours ?? NaN, 3 ) } ms`,
				target: '≤ 0.6 ms',
				met: ( one.cpuMsPerRequest.ours ?? Infinity ) <= 0.6,
			},
			{
				name: "added p99, 16 clients ≤ 2× the floor's",
				result: `${ fmt( a( many, 99, ours ) ) } ms (floor ${ fmt( a( many, 99, floor ) ) })`,
				target: `≤ ${ fmt( 2 * a( many, 99, floor ) ) } ms`,
				met: a( many, 99, ours ) <= 2 * a( many, 99, floor ),
			},
			{
				name: 'RSS after the load ≤ 80 MB',
				result: `${ fmt( afterLoad.ours?.rssBeforeGc ?? NaN, 1 ) } MB`,
				target: '≤ 80 MB',
				met: ( afterLoad.ours?.rssBeforeGc ?? Infinity ) <= 80,
			},
			{
				name: 'first chunk added ≤ 0.5 ms',
				result: `${ fmt( a( first.latency, 50, ours ), 3 ) } ms`,
				target: '≤ 0.5 ms',
				met: a( first.latency, 50, ours ) <= 0.5,
			},
		];
		ourRows = [
			[
				'Throughput, cache misses (64 connections)',
				`${ count( misses.ours?.rate ?? NaN ) } req/s measured (${ misses.ours?.failed } failed), proxy CPU ${ Math.round( 100 * ( misses.ours?.busy ?? NaN ) ) }% busy`,
				'—',
			],
			[
				'Throughput, cache hits',
				`${ count( hits.ours?.rate ?? NaN ) } req/s measured (${ hits.ours?.failed } failed), proxy CPU ${ Math.round( 100 * ( hits.ours?.busy ?? NaN ) ) }% busy`,
				'—',
			],
			[
				'Task route (course-turn through the AI SDK), cache misses',
				`${ count( tasks.perCpuSecond ) } per CPU-second (${ count( tasks.rate ) } req/s measured, ${ tasks.failed } failed)`,
				'—',
			],
			deployedRow(
				unit,
				{ idle, afterLoad, misses, hits, tasks: taskRounds },
				'ours',
				'deployed',
				'floor-deployed'
			),
		];
		let i = 0;
		const mixed = () => {
			i++;
			return i % 3 === 0
				? ours.chat( hitBody )
				: ours.chat( chatBody( i % 3 === 1 ) );
		};
		phase( 'soak' );
		ourRows.push(
			...( await soak(
				ours,
				mixed,
				QUICK ? 5_000 : 20_000,
				QUICK ? 20_000 : 60_000
			) )
		);
	} finally {
		stopAll();
	}

	console.log(
		`Proxy overhead beside the floor and a peer (${ QUICK ? 'quick run' : 'full run' }; Node ${ process.version }, ${ CPUS } CPUs, gateways pinned to CPU ${ GATEWAY_CPU }, fake upstream + load generator on CPU ${ LOAD_CPU }; load average at start ${ loadAtStart }, at end ${ loadAverage() })\n`
	);
	printComparison(
		comparison,
		gateways.map( ( g ) => g.name )
	);
	console.log( '' );
	printTargets( targets );
	console.log( '' );
	printPlain( ourRows );
}

main().catch( ( error: unknown ) => {
	console.error( error );
	process.exit( 1 );
} );
