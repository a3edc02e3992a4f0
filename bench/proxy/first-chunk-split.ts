import type { Readable } from 'node:stream';
import {
	firstLine,
	keepOffGatewayCpu,
	LOAD_CPU,
	pinned,
	startFloor,
	startOurs,
	type Gateway,
} from './gateways';
import { agent, percentile, post } from './load';
import { fmt } from './report';

/**
 * Where the first content chunk's added time goes, per gateway: the request's way in (client →
 * gateway → provider, until the provider has the whole body) and the chunk's way out (provider →
 * gateway → client), each against the same path without a gateway. Times come from one monotonic
 * clock, stamped by the client and by bench/proxy/stamping-fake.mjs (a 5 ms gap before the content
 * chunk, as in run.ts). One client; direct, floor and ours alternate request by request.
 *
 *   node --import tsx bench/proxy/first-chunk-split.ts [--quick]
 */
const ROUNDS = process.argv.includes( '--quick' ) ? 200 : 600;
const WARM_UP = ROUNDS / 6;

interface Split {
	requestNs: number;
	chunkNs: number;
}

async function streamOnce(
	url: string,
	headers: Record< string, string >
): Promise< Split > {
	const split: Split = { requestNs: NaN, chunkNs: NaN };
	const body = JSON.stringify( {
		stream: true,
		messages: [
			{ role: 'user', content: `sent:${ process.hrtime.bigint() }` },
		],
	} );
	const { status } = await post( url, body, headers, ( chunk, arrivedAt ) => {
		const text = chunk.toString( 'latin1' );
		const request = /"request_ns":"(\d+)"/.exec( text )?.[ 1 ];
		const written = /"written_at":"(\d+)"/.exec( text )?.[ 1 ];
		if ( request ) {
			split.requestNs = Number( request );
		}
		if ( written ) {
			split.chunkNs = Number( arrivedAt - BigInt( written ) );
		}
	} );
	if ( status !== 200 ) {
		throw new Error( `${ url } answered ${ status }` );
	}
	return split;
}

async function main(): Promise< void > {
	keepOffGatewayCpu();
	const fake = pinned( LOAD_CPU, [ 'bench/proxy/stamping-fake.mjs' ], {} );
	const fakeUrl = await firstLine( fake.stdout as Readable );
	const gateways: Gateway[] = [];
	try {
		gateways.push( await startFloor( fakeUrl ) );
		gateways.push( await startOurs( fakeUrl ) );
		const paths = [
			{ name: 'direct', url: fakeUrl, headers: {} },
			...gateways.map( ( g ) => ( {
				name: g.name,
				url: g.url,
				headers: g.headers,
			} ) ),
		];
		const splits: Record< string, Split[] > = Object.fromEntries(
			paths.map( ( p ) => [ p.name, [] ] )
		);
		for ( let n = 0; n < ROUNDS + WARM_UP; n++ ) {
			for ( let k = 0; k < paths.length; k++ ) {
				const path = paths[
					( n + k ) % paths.length
				] as ( typeof paths )[ number ];
				const split = await streamOnce(
					`${ path.url }/v1/chat/completions`,
					path.headers
				);
				if ( n >= WARM_UP ) {
					splits[ path.name ]?.push( split );
				}
			}
		}
		const p50 = ( name: string, part: keyof Split ) =>
			percentile(
				( splits[ name ] ?? [] ).map( ( s ) => s[ part ] ),
				50
			) / 1e6;
		console.log(
			`First content chunk, split (${ ROUNDS } streams per path, 1 client; p50, ms; "added" is against direct)\n`
		);
		console.log(
			'| path | request in: client → provider | added | chunk out: provider → client | added | both added |'
		);
		console.log( '|---|---:|---:|---:|---:|---:|' );
		for ( const { name } of paths ) {
			const request = p50( name, 'requestNs' );
			const chunk = p50( name, 'chunkNs' );
			const addedRequest = request - p50( 'direct', 'requestNs' );
			const addedChunk = chunk - p50( 'direct', 'chunkNs' );
			console.log(
				`| ${ name } | ${ fmt( request, 3 ) } | ${ name === 'direct' ? '—' : fmt( addedRequest, 3 ) } | ${ fmt( chunk, 3 ) } | ${ name === 'direct' ? '—' : fmt( addedChunk, 3 ) } | ${ name === 'direct' ? '—' : fmt( addedRequest + addedChunk, 3 ) } |`
			);
		}
	} finally {
		for ( const g of gateways ) {
			g.process.kill( 'SIGTERM' );
		}
		fake.kill( 'SIGTERM' );
		agent.destroy();
	}
}

main().catch( ( error: unknown ) => {
	console.error( error );
	process.exit( 1 );
} );
