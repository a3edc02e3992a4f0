import assert from 'node:assert/strict';
import type { ProviderName } from '../config';
import { courseTurnPrompt } from '../prompts/course-turn';
import { editorAssistPrompt } from '../prompts/editor-assist';
import type { TaskName } from '../prompts/prompt-versions';
import { quizPrompt } from '../prompts/quiz';
import type { JsonMode } from '../providers/json-mode';
import type { GenerateRequest } from '../providers/types';
import { toStrictJsonSchema } from '../providers/strict-schema';
import { TASK_CALLS } from './fixtures';

/** The four tasks as the JSON-mode tests send them, and what their outbound body must carry per mode. */
export type Body = Record< string, unknown >;
export type Schema = Record< string, unknown >;

/** The prompts of the JSON tasks; lesson-content answers block markup and has none. */
const JSON_PROMPTS: Partial<
	Record< TaskName, ( request: never ) => GenerateRequest >
> = {
	'course-turn': courseTurnPrompt,
	'editor-assist': editorAssistPrompt,
	quiz: ( request ) => quizPrompt( request, 2 ),
};
export const TASKS: Array< {
	route: TaskName;
	request: Record< string, unknown >;
	answer: string;
	/** The task's JSON schema as the prompt declares it; none for block markup. */
	schema?: { name: string; schema: Schema };
} > = TASK_CALLS.map( ( call ) => ( {
	...call,
	schema: JSON_PROMPTS[ call.route ]?.( call.request as never ).json as never,
} ) );

export const WIRE_PATH: Record< Exclude< ProviderName, 'demo' >, string > = {
	openai: '/v1/chat/completions',
	'openai-compatible': '/v1/chat/completions',
	anthropic: '/v1/messages',
};

/** Asserts the JSON part of one outbound body. */
export function assertJsonPart(
	provider: Exclude< ProviderName, 'demo' >,
	mode: JsonMode,
	body: Body,
	task: ( typeof TASKS )[ number ]
): void {
	const noJson = () => {
		assert.equal( body.response_format, undefined );
		assert.equal( body.tools, undefined );
		assert.equal( body.tool_choice, undefined );
		assert.equal( body.output_config, undefined );
	};
	if ( ! task.schema || mode === 'off' ) {
		noJson();
		return;
	}
	if ( provider !== 'anthropic' ) {
		if ( mode === 'object' ) {
			assert.deepEqual( body.response_format, { type: 'json_object' } );
			return;
		}
		assert.deepEqual( body.response_format, {
			type: 'json_schema',
			json_schema: {
				name: task.schema.name,
				strict: true,
				schema: toStrictJsonSchema( task.schema.schema ),
			},
		} );
		return;
	}
	// Anthropic: one forced tool `json` whose input is the schema (or any object in `object` mode).
	const tools = body.tools as Array< { name: string; input_schema: Schema } >;
	assert.equal( tools.length, 1 );
	assert.equal( tools[ 0 ]?.name, 'json' );
	assert.deepEqual(
		tools[ 0 ]?.input_schema,
		mode === 'schema'
			? toStrictJsonSchema( task.schema.schema )
			: { type: 'object', additionalProperties: true }
	);
	// `any` with one tool is that tool, forced.
	assert.deepEqual( body.tool_choice, {
		type: 'any',
		disable_parallel_tool_use: true,
	} );
	assert.equal( body.output_config, undefined );
}
