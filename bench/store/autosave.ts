/**
 * Auto-save benchmark: a scripted five-minute editing session (typing, structure edits, idle
 * stretches) driven by a virtual clock, run against
 *  - the store's auto-save (lodash.debounce 2 s + maxWait 10 s, one request in flight),
 *  - a plain 2 s debounce without maxWait (same store code, maxWait off),
 *  - a naive "save on every change".
 * The server answers every save after a fixed latency. Prints a markdown table.
 *
 *   node --import tsx bench/store/autosave.ts [--quick] [--latency=200]
 */
import { createRegistry } from '@wordpress/data';
import { VirtualClock } from './virtual-clock';

const args = process.argv.slice( 2 );
const LATENCY = Number(
	args.find( ( a ) => a.startsWith( '--latency=' ) )?.split( '=' )[ 1 ] ?? 200
);
const DURATION = args.includes( '--quick' ) ? 150_000 : 300_000;

/* ---------- The script: deterministic edits over five minutes ---------- */

type Edit =
	| { at: number; kind: 'type-title'; text: string }
	| { at: number; kind: 'type-summary'; text: string }
	| { at: number; kind: 'add-section' }
	| { at: number; kind: 'add-lesson' }
	| { at: number; kind: 'rename-section'; text: string }
	| { at: number; kind: 'move-section' }
	| { at: number; kind: 'delete-lesson' };

function rng( seed: number ) {
	let s = seed;
	return () => {
		s = ( s * 1103515245 + 12345 ) % 2147483648;
		return s / 2147483648;
	};
}

function script( duration: number ): {
	edits: Edit[];
	idle: Array< [ number, number ] >;
} {
	const r = rng( 42 );
	const edits: Edit[] = [];
	const idle: Array< [ number, number ] > = [];
	const scale = duration / 300_000;
	const phase = ( from: number, to: number ) =>
		[ from * scale, to * scale ] as const;

	// 0–40 s: typing the course title with short pauses (< 2 s).
	let [ t, end ] = phase( 0, 40_000 );
	let text = '';
	while ( t < end ) {
		text = ( text + 'abcdefghij'[ Math.floor( r() * 10 ) ] ).slice( -80 );
		edits.push( { at: t, kind: 'type-title', text } );
		t += r() < 0.1 ? 800 + r() * 1000 : 120 + r() * 150;
	}
	idle.push( [ ...phase( 40_000, 70_000 ) ] );
	// 70–130 s: structure edits every 1–4 s.
	[ t, end ] = phase( 70_000, 130_000 );
	const kinds = [
		'add-section',
		'add-lesson',
		'add-lesson',
		'rename-section',
		'move-section',
		'delete-lesson',
	] as const;
	while ( t < end ) {
		const kind = kinds[ Math.floor( r() * kinds.length ) ]!;
		edits.push(
			kind === 'rename-section'
				? { at: t, kind, text: `Section ${ Math.floor( t ) }` }
				: { at: t, kind }
		);
		t += 1_000 + r() * 3_000;
	}
	idle.push( [ ...phase( 130_000, 190_000 ) ] );
	// 190–250 s: one long stretch of continuous typing into a lesson summary (never 2 s apart).
	[ t, end ] = phase( 190_000, 250_000 );
	text = '';
	while ( t < end ) {
		text = ( text + 'lorem ipsum '[ Math.floor( r() * 12 ) ] ).slice(
			-400
		);
		edits.push( { at: t, kind: 'type-summary', text } );
		t += 100 + r() * 200;
	}
	// 250–265 s: a few last renames, then idle to the end.
	[ t, end ] = phase( 250_000, 265_000 );
	while ( t < end ) {
		edits.push( {
			at: t,
			kind: 'rename-section',
			text: `Final ${ Math.floor( t ) }`,
		} );
		t += 2_500 + r() * 2_000;
	}
	idle.push( [ end, duration ] );
	return { edits, idle };
}

/* ---------- A fake admin-ajax behind global fetch ---------- */

class Server {
	requests: number[] = [];
	revision = 0;
	constructor( private clock: VirtualClock ) {}
	install() {
		( globalThis as { fetch: unknown } ).fetch = (
			_url: string,
			init: { body: URLSearchParams }
		) => {
			this.requests.push( this.clock.now );
			const fields = Object.fromEntries( init.body.entries() );
			return new Promise( ( resolve ) => {
				setTimeout( () => {
					this.revision =
						Math.max(
							this.revision,
							Number( fields.revision ?? 0 )
						) + 1;
					resolve(
						new Response(
							JSON.stringify( {
								success: true,
								data: {
									auto_saved: true,
									revision: this.revision,
									session_id: 'bench',
								},
							} ),
							{
								status: 200,
								headers: { 'content-type': 'application/json' },
							}
						)
					);
				}, LATENCY );
			} );
		};
	}
}

interface Result {
	name: string;
	requests: number;
	edits: number;
	longestWait: number;
	meanWait: number;
	idleRequests: number;
	unsavedAtEnd: number;
}

function inIdle( t: number, idle: Array< [ number, number ] > ): boolean {
	// Idle stretches start 11 s in: by then every strategy with maxWait has flushed.
	return idle.some(
		( [ from, to ] ) => t >= from + 11_000 + LATENCY && t < to
	);
}

async function runStore(
	name: string,
	maxWait: number | undefined,
	plan: ReturnType< typeof script >
): Promise< Result > {
	const clock = new VirtualClock();
	clock.install();
	const server = new Server( clock );
	server.install();
	const start = clock.now;
	const { store, attachAutoSave } = await import( '../../src/store' );
	const registry = createRegistry();
	registry.register( store );
	const actions = registry.dispatch( store );
	const select = () => registry.select( store );
	const detach = attachAutoSave( registry, { maxWait } );

	// Edit i is saved when savedSeq reaches its seq.
	const editAt = new Map< number, number >();
	const waits: number[] = [];
	let counted = 0;
	registry.subscribe( () => {
		const { savedSeq } = select().getSaveState();
		for ( let seq = counted + 1; seq <= savedSeq; seq++ ) {
			const at = editAt.get( seq );
			if ( at !== undefined ) {
				waits.push( clock.now - at );
			}
		}
		counted = Math.max( counted, savedSeq );
	}, store );

	const sectionIds: string[] = [];
	const seed = await actions.addSection( { title: 'Intro' } );
	sectionIds.push( seed.section.id );
	const lesson = await actions.addLesson( seed.section.id, {
		title: 'Welcome',
	} );
	await clock.advanceTo( start + 20_000 );
	counted = select().getSaveState().seq;
	server.requests = [];

	let edits = 0;
	for ( const edit of plan.edits ) {
		await clock.advanceTo( start + 20_000 + edit.at );
		const before = select().getSaveState().seq;
		switch ( edit.kind ) {
			case 'type-title':
				actions.setCourseTitle( edit.text );
				break;
			case 'type-summary':
				actions.updateLesson( lesson.lesson.id, {
					summary: edit.text,
				} );
				break;
			case 'add-section': {
				const added = await actions.addSection( {
					title: 'New section',
				} );
				sectionIds.push( added.section.id );
				break;
			}
			case 'add-lesson':
				actions.addLesson( sectionIds[ sectionIds.length - 1 ]!, {
					title: 'New lesson',
				} );
				break;
			case 'rename-section':
				actions.renameSection(
					sectionIds[ sectionIds.length - 1 ]!,
					edit.text
				);
				break;
			case 'move-section':
				actions.moveSection( sectionIds[ sectionIds.length - 1 ]!, 0 );
				break;
			case 'delete-lesson': {
				const last = select()
					.getSections()
					.flatMap( ( s ) => s.lessons )
					.find( ( l ) => l.id !== lesson.lesson.id );
				if ( last ) {
					actions.deleteLesson( last.id );
				}
				break;
			}
		}
		const after = select().getSaveState().seq;
		if ( after > before ) {
			edits += 1;
			editAt.set( after, clock.now );
		}
	}
	await clock.advanceTo( start + 20_000 + DURATION + 30_000 );
	const requests = server.requests.map( ( t ) => t - start - 20_000 );
	const unsavedAtEnd =
		select().getSaveState().seq - select().getSaveState().savedSeq;
	detach();
	clock.uninstall();
	return summarize( name, requests, edits, waits, plan, unsavedAtEnd );
}

/** Naive: every change sends a save at once (no debounce, no in-flight limit). */
async function runNaive(
	plan: ReturnType< typeof script >
): Promise< Result > {
	const clock = new VirtualClock();
	clock.install();
	const server = new Server( clock );
	server.install();
	const start = clock.now;
	const waits: number[] = [];
	let edits = 0;
	for ( const edit of plan.edits ) {
		await clock.advanceTo( start + edit.at );
		edits += 1;
		const at = clock.now;
		const body = new URLSearchParams( {
			action: 'mpcc_auto_save_session',
			revision: '0',
			session_data: JSON.stringify( edit ),
		} );
		void (
			globalThis.fetch as unknown as (
				u: string,
				i: { body: URLSearchParams }
			) => Promise< unknown >
		 )( '', { body } ).then( () => waits.push( clock.now - at ) );
	}
	await clock.advanceTo( start + DURATION + 30_000 );
	clock.uninstall();
	return summarize(
		'naive: save on every change',
		server.requests.map( ( t ) => t - start ),
		edits,
		waits,
		plan,
		0
	);
}

function summarize(
	name: string,
	requests: number[],
	edits: number,
	waits: number[],
	plan: ReturnType< typeof script >,
	unsavedAtEnd: number
): Result {
	return {
		name,
		requests: requests.length,
		edits,
		longestWait: waits.length ? Math.max( ...waits ) : 0,
		meanWait: waits.length
			? waits.reduce( ( a, b ) => a + b, 0 ) / waits.length
			: 0,
		idleRequests: requests.filter( ( t ) => inIdle( t, plan.idle ) ).length,
		unsavedAtEnd,
	};
}

const seconds = ( ms: number ) => `${ ( ms / 1000 ).toFixed( 1 ) } s`;

async function main() {
	const plan = script( DURATION );
	const results = [
		await runStore(
			'store auto-save (debounce 2 s, maxWait 10 s, 1 in flight)',
			undefined,
			plan
		),
		await runStore(
			'plain debounce 2 s (no maxWait)',
			Number.MAX_SAFE_INTEGER,
			plan
		),
		await runNaive( plan ),
	];
	console.log(
		`Scripted session: ${ seconds( DURATION ) } (${ plan.edits.length } scripted edits; typing, structure edits, idle stretches), server latency ${ LATENCY } ms.\n`
	);
	console.log(
		'| strategy | save requests | edits | longest an edit waited unsaved | mean wait | requests during idle | unsaved at end |'
	);
	console.log( '|---|---:|---:|---:|---:|---:|---:|' );
	for ( const r of results ) {
		console.log(
			`| ${ r.name } | ${ r.requests } | ${ r.edits } | ${ seconds( r.longestWait ) } | ${ seconds( r.meanWait ) } | ${ r.idleRequests } | ${ r.unsavedAtEnd } |`
		);
	}
}

main().catch( ( error ) => {
	console.error( error );
	process.exit( 1 );
} );
