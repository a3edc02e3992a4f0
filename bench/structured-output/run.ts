import type { z } from 'zod';
import {
	CourseTurnResponseSchema,
	EditorAssistResponseSchema,
	LessonContentResponseSchema,
	QuizQuestionSchema,
	QuizResponseSchema,
} from '../../src/schemas';
import type { ProviderName } from '../../proxy/config';
import type { FakeUpstream } from '../../proxy/test/fake-upstream/fake-upstream';
import {
	COURSE_TURN_ANSWER,
	COURSE_TURN_REQUEST,
	EDITOR_ANSWER,
	EDITOR_REQUEST,
	LESSON_ANSWER,
	LESSON_REQUEST,
	quizQuestion,
	quizRequest,
} from '../../proxy/test/fixtures';
import {
	postJson,
	readSse,
	startApp,
	startFake,
	testConfig,
} from '../../proxy/test/helpers';

/**
 * Schema-invalid outputs per 1,000 replayed model answers that leave the proxy (goal: 0).
 *
 *   node --import tsx bench/structured-output/run.ts [--quick]
 *
 * Each task route gets N model answers (1,000; 200 with --quick) made from a valid answer by a
 * seeded mix of what real models do wrong: code fences, prose around the JSON, trailing commas,
 * nulls where a field is optional (strict-mode style), a field dropped, a wrong type, unknown keys,
 * an answer cut short, Markdown instead of blocks. The fake upstream replays them (re-asks get the
 * next answer); half the calls stream. Every 200 answer, every SSE `done` and every streamed
 * question leaving the proxy is checked against the shared zod schema. Typed errors
 * (invalid_model_output, output_truncated) are the honest outcome for a hopeless answer and are
 * counted apart.
 */
const QUICK = process.argv.includes( '--quick' );
const N = QUICK ? 200 : 1_000;

/** Park–Miller: a seeded, repeatable sequence in [0, 1). */
function prng( seed: number ): () => number {
	let state = ( seed % 2_147_483_646 ) + 1;
	return () => {
		state = ( state * 48_271 ) % 2_147_483_647;
		return ( state - 1 ) / 2_147_483_646;
	};
}

type Json = unknown;
type Mutator = ( value: Json, random: () => number ) => Json;

/** Every object node, so a mutation can land anywhere in the answer. */
function objectNodes(
	value: Json,
	found: Array< Record< string, Json > > = []
) {
	if ( Array.isArray( value ) ) {
		value.forEach( ( item ) => objectNodes( item, found ) );
	} else if ( value && typeof value === 'object' ) {
		found.push( value as Record< string, Json > );
		Object.values( value ).forEach( ( item ) =>
			objectNodes( item, found )
		);
	}
	return found;
}

function pick< T >( items: T[], random: () => number ): T | undefined {
	return items[ Math.floor( random() * items.length ) ];
}

const JSON_MUTATORS: Array< [ string, Mutator ] > = [
	[
		'optional field null',
		( value, random ) => {
			const node = pick( objectNodes( value ), random );
			const key = node && pick( Object.keys( node ), random );
			if ( node && key ) {
				node[ key ] = null;
			}
			return value;
		},
	],
	[
		'field dropped',
		( value, random ) => {
			const node = pick( objectNodes( value ), random );
			const key = node && pick( Object.keys( node ), random );
			if ( node && key ) {
				delete node[ key ];
			}
			return value;
		},
	],
	[
		'wrong type',
		( value, random ) => {
			const node = pick( objectNodes( value ), random );
			const key = node && pick( Object.keys( node ), random );
			if ( node && key ) {
				node[ key ] =
					typeof node[ key ] === 'string' ? 42 : 'forty-two';
			}
			return value;
		},
	],
	[
		'unknown key',
		( value, random ) => {
			const node = pick( objectNodes( value ), random );
			if ( node ) {
				node.confidence = 0.9;
			}
			return value;
		},
	],
];

type TextMutator = ( text: string, random: () => number ) => string;
const TEXT_MUTATORS: Array< [ string, TextMutator ] > = [
	[ 'code fence', ( text ) => '```json\n' + text + '\n```' ],
	[
		'prose around',
		( text ) =>
			`Sure! Here is the answer:\n\n${ text }\n\nLet me know if you need changes.`,
	],
	[
		'trailing comma',
		( text ) => text.replace( /(["\d\]}])(\s*[}\]])/, '$1,$2' ),
	],
	[
		'cut short',
		( text, random ) =>
			text.slice(
				0,
				Math.floor( text.length * ( 0.4 + random() * 0.55 ) )
			),
	],
	[ 'raw newline in a string', ( text ) => text.replace( /\. /, '.\n' ) ],
];

const BLOCK_MUTATORS: Array< [ string, TextMutator ] > = [
	[
		'markdown',
		() =>
			'## Feeding\n\nFeed it **flour** and water.\n\n- Daily\n- Warm place',
	],
	[
		'unclosed block',
		( text ) => text.replace( '<!-- /wp:paragraph -->', '' ),
	],
	[ 'code fence', ( text ) => '```html\n' + text + '\n```' ],
	[
		'cut short',
		( text, random ) =>
			text.slice(
				0,
				Math.floor( text.length * ( 0.3 + random() * 0.6 ) )
			),
	],
];

/** One model answer: the valid one, or 1–3 mistakes applied to it. */
function answerMaker( valid: string, json: boolean, seed: number ) {
	const random = prng( seed );
	return (): string => {
		if ( random() < 0.2 ) {
			return valid;
		}
		if ( ! json ) {
			const [ , mutate ] = pick( BLOCK_MUTATORS, random ) as [
				string,
				TextMutator,
			];
			return mutate( valid, random );
		}
		let value = JSON.parse( valid ) as Json;
		const rounds = 1 + Math.floor( random() * 3 );
		let text: string | undefined;
		for ( let i = 0; i < rounds; i++ ) {
			if ( random() < 0.5 ) {
				const [ , mutate ] = pick( JSON_MUTATORS, random ) as [
					string,
					Mutator,
				];
				value = mutate( value, random );
			} else {
				const [ , mutate ] = pick( TEXT_MUTATORS, random ) as [
					string,
					TextMutator,
				];
				text = mutate(
					text ?? JSON.stringify( value, null, 1 ),
					random
				);
			}
		}
		return text ?? JSON.stringify( value );
	};
}

const TASKS: Array< {
	route: string;
	request: Record< string, unknown >;
	answer: string;
	schema: z.ZodType;
	json: boolean;
} > = [
	{
		route: 'course-turn',
		request: COURSE_TURN_REQUEST,
		answer: COURSE_TURN_ANSWER,
		schema: CourseTurnResponseSchema,
		json: true,
	},
	{
		route: 'editor-assist',
		request: EDITOR_REQUEST,
		answer: EDITOR_ANSWER,
		schema: EditorAssistResponseSchema,
		json: true,
	},
	{
		route: 'quiz',
		request: quizRequest( 3 ),
		answer: JSON.stringify( {
			questions: [
				quizQuestion( 1 ),
				quizQuestion( 2 ),
				quizQuestion( 3 ),
			],
		} ),
		schema: QuizResponseSchema,
		json: true,
	},
	{
		route: 'lesson-content',
		request: LESSON_REQUEST,
		answer: LESSON_ANSWER,
		schema: LessonContentResponseSchema,
		json: false,
	},
];

interface Row {
	route: string;
	answers: number;
	answered: number;
	invalid: number;
	errors: Record< string, number >;
	upstreamCalls: number;
}

async function runTask(
	fake: FakeUpstream,
	url: string,
	task: ( typeof TASKS )[ number ],
	seed: number
): Promise< Row > {
	const next = answerMaker( task.answer, task.json, seed );
	fake.reset();
	fake.reply = () => next();
	const row: Row = {
		route: task.route,
		answers: N,
		answered: 0,
		invalid: 0,
		errors: {},
		upstreamCalls: 0,
	};
	for ( let i = 0; i < N; i++ ) {
		const stream = i % 2 === 1;
		// A unique message per call: the cache must not answer instead of the model.
		const request = {
			...task.request,
			stream,
			...( 'message' in task.request
				? { message: `${ String( task.request.message ) } #${ i }` }
				: {} ),
			...( task.route === 'quiz'
				? {
						content: `${ String( task.request.content ) } <!-- ${ i } -->`,
					}
				: {} ),
			...( task.route === 'lesson-content'
				? { instructions: `take ${ i }` }
				: {} ),
		};
		const res = await postJson(
			`${ url }/v1/tasks/${ task.route }`,
			request
		);
		let outputs: unknown[] = [];
		let error: string | undefined;
		if (
			stream &&
			( res.headers.get( 'content-type' ) ?? '' ).includes(
				'event-stream'
			)
		) {
			const events = await readSse( res );
			for ( const event of events ) {
				const data = JSON.parse( event.data ) as {
					questions?: unknown[];
					error?: { code: string };
				};
				if ( event.event === 'done' ) {
					outputs.push( data );
				} else if ( event.event === 'questions' ) {
					// Each streamed question leaves the proxy too: it must be valid on its own.
					for ( const question of data.questions ?? [] ) {
						if (
							! QuizQuestionSchema.safeParse( question ).success
						) {
							row.invalid++;
						}
					}
				} else if ( event.event === 'error' ) {
					error = data.error?.code;
				}
			}
		} else {
			const body = JSON.parse( await res.text() ) as {
				error?: { code: string };
			};
			if ( res.status === 200 ) {
				outputs = [ body ];
			} else {
				error = body.error?.code ?? String( res.status );
			}
		}
		for ( const output of outputs ) {
			row.answered++;
			if ( ! task.schema.safeParse( output ).success ) {
				row.invalid++;
			}
		}
		if ( error ) {
			row.errors[ error ] = ( row.errors[ error ] ?? 0 ) + 1;
		}
	}
	row.upstreamCalls = fake.count;
	return row;
}

async function main(): Promise< void > {
	const provider: ProviderName = 'openai-compatible';
	const fake = await startFake();
	const proxy = await startApp(
		testConfig( provider, fake, {
			jsonMode: 'schema',
			rateLimit: { max: 1_000_000, windowMs: 60_000 },
		} )
	);
	const rows: Row[] = [];
	try {
		for ( const [ index, task ] of TASKS.entries() ) {
			rows.push( await runTask( fake, proxy.url, task, 1_000 + index ) );
		}
	} finally {
		await proxy.close();
		await fake.stop();
	}
	const per1000 = ( n: number, of: number ) =>
		( ( n * 1000 ) / of ).toFixed( 1 );
	console.log(
		`Replayed model answers through the proxy (provider ${ provider }, MPCC_LLM_JSON_MODE=schema, half streamed; ${ N } answers per task, seeded)\n`
	);
	console.log(
		'| task | answers replayed | answered 200 / done | schema-invalid outputs leaving the proxy, per 1,000 | typed errors instead | upstream calls (re-asks included) |'
	);
	console.log( '|---|---|---|---|---|---|' );
	let invalid = 0;
	for ( const row of rows ) {
		invalid += row.invalid;
		const errors =
			Object.entries( row.errors )
				.map( ( [ code, n ] ) => `${ code } ${ n }` )
				.join( ', ' ) || '—';
		console.log(
			`| ${ row.route } | ${ row.answers } | ${ row.answered } | ${ per1000( row.invalid, row.answers ) } (${ row.invalid }) | ${ errors } | ${ row.upstreamCalls } |`
		);
	}
	console.log(
		`\nSchema-invalid outputs leaving the proxy: ${ per1000( invalid, N * TASKS.length ) } per 1,000 answers (goal 0).`
	);
	if ( invalid > 0 ) {
		process.exitCode = 1;
	}
}

void main();
