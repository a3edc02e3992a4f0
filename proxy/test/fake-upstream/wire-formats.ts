/**
 * The fake upstream's two wire formats, byte for byte as documented: OpenAI chat completions and
 * Anthropic messages, as JSON bodies and as SSE frames.
 */
export type Wire = 'openai' | 'anthropic';

/** Splits text into chunks of about n characters (so SSE has several deltas). */
export function chunkText( text: string, n = 12 ): string[] {
	const chunks: string[] = [];
	for ( let i = 0; i < text.length; i += n ) {
		chunks.push( text.slice( i, i + n ) );
	}
	return chunks.length ? chunks : [ '' ];
}

export const ANTHROPIC_ERROR_TYPES: Record< number, string > = {
	429: 'rate_limit_error',
	529: 'overloaded_error',
};
export const OPENAI_ERROR_TYPES: Record< number, string > = {
	429: 'rate_limit_exceeded',
};

export function wireOf( path: string ): Wire | undefined {
	if ( path.endsWith( '/chat/completions' ) ) {
		return 'openai';
	}
	return path.endsWith( '/messages' ) ? 'anthropic' : undefined;
}

export function openAiJson( model: string, text: string ) {
	return {
		id: 'chatcmpl-fake123',
		object: 'chat.completion',
		created: 1_700_000_000,
		model,
		choices: [
			{
				index: 0,
				message: { role: 'assistant', content: text, refusal: null },
				logprobs: null,
				finish_reason: 'stop',
			},
		],
		usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
		system_fingerprint: 'fp_fake',
	};
}

export function openAiFrames(
	model: string,
	text: string,
	size: number,
	body: Record< string, unknown >
): string[] {
	const base = {
		id: 'chatcmpl-fake123',
		object: 'chat.completion.chunk',
		created: 1_700_000_000,
		model,
		system_fingerprint: 'fp_fake',
	};
	const frame = ( value: unknown ) =>
		`data: ${ JSON.stringify( value ) }\n\n`;
	const frames = [
		frame( {
			...base,
			choices: [
				{
					index: 0,
					delta: { role: 'assistant', content: '', refusal: null },
					logprobs: null,
					finish_reason: null,
				},
			],
		} ),
	];
	for ( const piece of chunkText( text, size ) ) {
		frames.push(
			frame( {
				...base,
				choices: [
					{
						index: 0,
						delta: { content: piece },
						logprobs: null,
						finish_reason: null,
					},
				],
			} )
		);
	}
	frames.push(
		frame( {
			...base,
			choices: [
				{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' },
			],
		} )
	);
	const options = body.stream_options as
		{ include_usage?: boolean } | undefined;
	if ( options?.include_usage ) {
		frames.push(
			frame( {
				...base,
				choices: [],
				usage: {
					prompt_tokens: 11,
					completion_tokens: 7,
					total_tokens: 18,
				},
			} )
		);
	}
	frames.push( 'data: [DONE]\n\n' );
	return frames;
}

/**
 * The tool Anthropic must call, when the request forces one (`tool_choice` any/tool, as the AI SDK
 * sends for a JSON schema): the answer then comes as that tool's input, as the real API does.
 * Text that is not JSON stays a text block (a model cannot be forced to be right in a test).
 */
export function forcedTool(
	body: Record< string, unknown >,
	text: string
): { name: string; input: unknown } | undefined {
	const choice = body.tool_choice as
		{ type?: string; name?: string } | undefined;
	const tools = body.tools as Array< { name: string } > | undefined;
	if (
		! choice ||
		! tools?.length ||
		( choice.type !== 'any' && choice.type !== 'tool' )
	) {
		return undefined;
	}
	try {
		return {
			name: choice.name ?? tools[ 0 ]?.name ?? 'json',
			input: JSON.parse( text ) as unknown,
		};
	} catch {
		return undefined;
	}
}

export function anthropicJson(
	model: string,
	text: string,
	body: Record< string, unknown >
) {
	const tool = forcedTool( body, text );
	return {
		id: 'msg_fake123',
		type: 'message',
		role: 'assistant',
		model,
		content: tool
			? [
					{
						type: 'tool_use',
						id: 'toolu_fake123',
						name: tool.name,
						input: tool.input,
					},
				]
			: [ { type: 'text', text } ],
		stop_reason: tool ? 'tool_use' : 'end_turn',
		stop_sequence: null,
		usage: { input_tokens: 11, output_tokens: 7 },
	};
}

export function anthropicFrames(
	model: string,
	text: string,
	size: number,
	body: Record< string, unknown >
): string[] {
	const tool = forcedTool( body, text );
	const event = ( name: string, value: unknown ) =>
		`event: ${ name }\ndata: ${ JSON.stringify( value ) }\n\n`;
	const frames = [
		event( 'message_start', {
			type: 'message_start',
			message: {
				id: 'msg_fake123',
				type: 'message',
				role: 'assistant',
				model,
				content: [],
				stop_reason: null,
				stop_sequence: null,
				usage: { input_tokens: 11, output_tokens: 1 },
			},
		} ),
		event( 'content_block_start', {
			type: 'content_block_start',
			index: 0,
			content_block: tool
				? {
						type: 'tool_use',
						id: 'toolu_fake123',
						name: tool.name,
						input: {},
					}
				: { type: 'text', text: '' },
		} ),
		event( 'ping', { type: 'ping' } ),
	];
	for ( const piece of chunkText( text, size ) ) {
		frames.push(
			event( 'content_block_delta', {
				type: 'content_block_delta',
				index: 0,
				delta: tool
					? { type: 'input_json_delta', partial_json: piece }
					: { type: 'text_delta', text: piece },
			} )
		);
	}
	frames.push(
		event( 'content_block_stop', { type: 'content_block_stop', index: 0 } ),
		event( 'message_delta', {
			type: 'message_delta',
			delta: {
				stop_reason: tool ? 'tool_use' : 'end_turn',
				stop_sequence: null,
			},
			usage: { output_tokens: 7 },
		} ),
		event( 'message_stop', { type: 'message_stop' } )
	);
	return frames;
}
