import type { createOpenAI } from '@ai-sdk/openai';
import type { CallContext } from '../call-context';
import type { ProviderName, ProxyConfig } from '../config';
import type { FetchLike } from '../upstream/upstream-client';
import type { JsonMode } from './json-mode';

export type { JsonMode } from './json-mode';

/** The AI SDK's provider-level model interface (LanguageModelV3), named without depending on @ai-sdk/provider directly. */
export type LanguageModel = ReturnType<
	ReturnType< typeof createOpenAI >[ 'chat' ]
>;
export type ModelCallOptions = Parameters< LanguageModel[ 'doGenerate' ] >[ 0 ];

export interface ChatTurn {
	role: 'user' | 'assistant';
	content: string;
}

export interface GenerateRequest {
	system?: string;
	messages: ChatTurn[];
	/** Ask for JSON; the schema is used where the provider has a schema mode. */
	json?: { name: string; schema?: Record< string, unknown > };
	temperature?: number;
	maxTokens?: number;
	topP?: number;
	stop?: string[];
	/**
	 * Task calls: a refusal is thrown as `model_refused` (its text never streamed as an answer).
	 * Chat completions leave it off and pass the refusal on as the model's text, as before.
	 */
	refusalIsError?: boolean;
}

export interface Usage {
	promptTokens?: number;
	completionTokens?: number;
}

/** `finishReason` is the AI SDK's unified reason: `stop`, `length` (cut at the token limit), `content-filter`, … */
export interface GenerateResult {
	text: string;
	usage: Usage;
	finishReason: string;
}

export type StreamPart =
	| { type: 'text'; text: string }
	| { type: 'finish'; usage: Usage; finishReason: string };

/** The JSON part of a call: what the AI SDK model is handed for a mode (it writes the wire fields). */
export type JsonCallOptions = Pick<
	ModelCallOptions,
	'responseFormat' | 'providerOptions'
>;

export interface Provider {
	readonly name: ProviderName;
	readonly model: string;
	readonly baseUrl: string;
	readonly demo: boolean;
	/** The JSON mode task calls use (after `auto`); absent for the demo. */
	readonly jsonMode?: JsonMode;
	generate: (
		request: GenerateRequest,
		call: CallContext
	) => Promise< GenerateResult >;
	stream: (
		request: GenerateRequest,
		call: CallContext
	) => AsyncIterable< StreamPart >;
	/** Set when the provider speaks OpenAI chat completions, so /v1/chat/completions can pass bytes through. */
	readonly openAiWire?: { url: URL; headers: Record< string, string > };
}

/** A provider as a typed config object (each provider folder exports one; create-provider.ts picks it): how to build its AI SDK model. */
export interface ProviderDefinition {
	name: Exclude< ProviderName, 'demo' >;
	/** What `auto` means: the strongest mode the provider is known to support. */
	strongestJsonMode: JsonMode;
	/** What a task call carries in each mode (see the README's provider × mode table). */
	jsonOptions: (
		mode: JsonMode,
		json: NonNullable< GenerateRequest[ 'json' ] >
	) => JsonCallOptions;
	speaksOpenAiWire: boolean;
	createModel: ( config: ProxyConfig, fetch: FetchLike ) => LanguageModel;
	/** Headers for the raw OpenAI-wire passthrough. */
	wireHeaders?: ( config: ProxyConfig ) => Record< string, string >;
}
