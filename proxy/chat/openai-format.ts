import { randomUUID } from 'node:crypto';
import type { Usage } from '../providers/types';

/** Builds OpenAI chat-completion objects for providers whose answers we translate (Anthropic, demo). */
const FINISH_REASONS: Record< string, string > = {
	stop: 'stop',
	length: 'length',
	'content-filter': 'content_filter',
	'tool-calls': 'tool_calls',
};

export function finishReason( unified: string ): string {
	return FINISH_REASONS[ unified ] ?? 'stop';
}

export function completionId(): string {
	return `chatcmpl-${ randomUUID().replace( /-/g, '' ).slice( 0, 24 ) }`;
}

function usageObject( usage: Usage ) {
	const prompt = usage.promptTokens ?? 0;
	const completion = usage.completionTokens ?? 0;
	return {
		prompt_tokens: prompt,
		completion_tokens: completion,
		total_tokens: prompt + completion,
	};
}

export function completionObject(
	id: string,
	model: string,
	text: string,
	finish: string,
	usage: Usage
) {
	return {
		id,
		object: 'chat.completion',
		created: Math.floor( Date.now() / 1000 ),
		model,
		choices: [
			{
				index: 0,
				message: { role: 'assistant', content: text, refusal: null },
				logprobs: null,
				finish_reason: finishReason( finish ),
			},
		],
		usage: usageObject( usage ),
	};
}

export function chunkObject(
	id: string,
	model: string,
	created: number,
	delta: Record< string, unknown >,
	finish: string | null
) {
	return {
		id,
		object: 'chat.completion.chunk',
		created,
		model,
		choices: [
			{
				index: 0,
				delta,
				logprobs: null,
				finish_reason: finish === null ? null : finishReason( finish ),
			},
		],
	};
}

export function usageChunk(
	id: string,
	model: string,
	created: number,
	usage: Usage
) {
	return {
		id,
		object: 'chat.completion.chunk',
		created,
		model,
		choices: [],
		usage: usageObject( usage ),
	};
}
