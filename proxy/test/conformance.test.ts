import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import type { TaskName } from '../prompts/prompt-versions';
import {
	CourseTurnResponseSchema,
	EditorAssistResponseSchema,
	LessonContentResponseSchema,
	QuizResponseSchema,
} from '../../src/schemas';
import {
	loadTranscripts,
	render,
	type Outcome,
	type Transcript,
} from './conformance/transcripts';
import { TASK_CALLS } from './fixtures';
import { json, postJson, readSse } from './helpers';
import { CACHE_OFF, useProxy } from './use-proxy';

/**
 * Every task against every conformance transcript (proxy/test/conformance/transcripts/), JSON and
 * streamed: the fake upstream replays the recorded wire bytes, the proxy must give the transcript's
 * outcome — a response that passes the task's schema, or the typed error.
 */
const RESPONSE_SCHEMAS: Record< TaskName, z.ZodType > = {
	'course-turn': CourseTurnResponseSchema,
	'editor-assist': EditorAssistResponseSchema,
	quiz: QuizResponseSchema,
	'lesson-content': LessonContentResponseSchema,
};
const TASKS = TASK_CALLS.map( ( call ) => ( {
	...call,
	schema: RESPONSE_SCHEMAS[ call.route ],
	// lesson-content answers block markup; the others answer JSON.
	json: call.route !== 'lesson-content',
} ) );

const TRANSCRIPTS = loadTranscripts();

/** `includes` is a subset check of the outbound body; response_format only applies to JSON tasks. */
function assertIncludes(
	body: Record< string, unknown >,
	includes: Record< string, unknown >,
	jsonTask: boolean
): void {
	for ( const [ key, expected ] of Object.entries( includes ) ) {
		if ( key === 'response_format' && ! jsonTask ) {
			assert.equal( body.response_format, undefined );
			continue;
		}
		if ( expected && typeof expected === 'object' ) {
			assertIncludes(
				body[ key ] as Record< string, unknown >,
				expected as Record< string, unknown >,
				jsonTask
			);
		} else {
			assert.deepEqual( body[ key ], expected, `outbound ${ key }` );
		}
	}
}

async function outcomeOf(
	res: Response,
	stream: boolean
): Promise<
	| { ok: true; value: unknown }
	| { ok: false; status: number; code: string; message: string }
> {
	const type = res.headers.get( 'content-type' ) ?? '';
	if ( ! stream || ! type.includes( 'text/event-stream' ) ) {
		const body = json< {
			error?: { code: string; message: string };
		} >( await res.text() );
		return res.status === 200
			? { ok: true, value: body }
			: {
					ok: false,
					status: res.status,
					code: body.error?.code ?? '',
					message: body.error?.message ?? '',
				};
	}
	const events = await readSse( res );
	const last = events.at( -1 );
	if ( last?.event === 'done' ) {
		return { ok: true, value: json( last.data ) };
	}
	const error = json< { error: { code: string; message: string } } >(
		last?.data ?? '{"error":{}}'
	).error;
	// Mid-stream failures have no status of their own: the code says which one it would have been.
	const status: Record< string, number > = {
		upstream_unavailable: 503,
		upstream_error: 502,
		output_truncated: 502,
		model_refused: 422,
		rate_limited: 429,
	};
	return {
		ok: false,
		status: status[ error.code ] ?? 0,
		code: error.code,
		message: error.message,
	};
}

function expectedOutcome(
	transcript: Transcript,
	variant: 'json' | 'sse',
	task: string
): Outcome {
	return (
		transcript.outcome_by_task?.[ task ] ?? transcript[ variant ].outcome
	);
}

for ( const provider of [
	'openai',
	'anthropic',
	'openai-compatible',
] as const ) {
	const transcripts = TRANSCRIPTS.filter( ( t ) => t.provider === provider );
	describe( `conformance: ${ provider } transcripts`, () => {
		const { fake, proxy } = useProxy( provider, { cache: CACHE_OFF } );

		it( 'has transcripts', () => assert.ok( transcripts.length > 0 ) );

		for ( const transcript of transcripts ) {
			for ( const variant of [ 'json', 'sse' ] as const ) {
				for ( const task of TASKS ) {
					it( `${ transcript.file } (${ variant }) × ${ task.route }`, async () => {
						const { exchanges } = transcript[ variant ];
						// Every call gets the next exchange; calls beyond the transcript replay its last one.
						for ( let i = 0; i < 4; i++ ) {
							const exchange =
								exchanges[
									Math.min( i, exchanges.length - 1 )
								];
							fake.enqueue( {
								kind: 'replay',
								respond: ( body ) =>
									render(
										exchange as ( typeof exchanges )[ number ],
										body,
										task.answer
									),
							} );
						}
						const stream = variant === 'sse';
						const res = await postJson(
							`${ proxy.url }/v1/tasks/${ task.route }`,
							{ ...task.request, stream }
						);
						const outcome = await outcomeOf( res, stream );
						const expected = expectedOutcome(
							transcript,
							variant,
							task.route
						);
						if ( 'ok' in expected ) {
							assert.ok(
								outcome.ok,
								`expected an answer, got ${ JSON.stringify( outcome ) }`
							);
							const parsed = task.schema.safeParse(
								outcome.value
							);
							assert.ok(
								parsed.success,
								`the answer passes the ${ task.route } schema`
							);
						} else {
							assert.deepEqual(
								outcome.ok
									? outcome
									: {
											status: outcome.status,
											code: outcome.code,
										},
								{ status: expected.status, code: expected.code }
							);
							if ( expected.message && ! outcome.ok ) {
								assert.equal(
									outcome.message,
									expected.message
								);
							}
						}
						const first = fake.requests[ 0 ];
						assert.equal(
							first?.path,
							exchanges[ 0 ]?.request.path
						);
						assertIncludes(
							first?.body ?? {},
							exchanges[ 0 ]?.request.includes ?? {},
							task.json
						);
						if ( transcript.budget_doubles ) {
							assert.equal(
								fake.requests[ 1 ]?.body.max_tokens,
								2 * Number( first?.body.max_tokens )
							);
						}
					} );
				}
			}
		}
	} );
}
