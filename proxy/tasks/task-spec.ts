import type { z } from 'zod';
import type { CallContext } from '../call-context';
import type { TaskName } from '../prompts/prompt-versions';
import type { GenerateRequest } from '../providers/types';
import type { TaskRuntime } from './task-runtime';

/**
 * One task route described as data; run-task.ts runs any of them (demo → cache → share in-flight
 * or stream → SSE failure). `Out` is the parsed answer, `Res` the response body (the answer with
 * its `demo` flag, checked against the response schema).
 */
export interface TaskSpec< Req extends { stream?: boolean }, Out, Res > {
	name: TaskName;
	requestSchema: z.ZodType< Req >;
	/** Every body that leaves the proxy matches it; its fingerprint is part of the cache key. */
	responseSchema: z.ZodType;
	/** The prompt (and the cache key's messages) for a request. */
	prompt: ( request: Req ) => GenerateRequest;
	/** The demo adapter's answer (tasks/demo), used when the provider is the demo. */
	demo: ( request: Req ) => Out;
	/** The response body for an answer; throws invalid_model_output when it misses the schema. */
	respond: ( output: Out, request: Req, demo: boolean ) => Res;
	/** `delta` texts of an answer already complete (demo, cache hit), sent before `events`. */
	replayDeltas: ( response: Res, request: Req ) => string[];
	/** The structured events of a complete answer, sent before `done`. */
	events: ( response: Res ) => Array< [ string, unknown ] >;
	/** How a model's answer is read: one object, or items streamed one by one (quiz). */
	answer: OneObjectAnswer< Req, Out, Res > | ItemAnswer< Req, Out >;
}

/** The whole text is one answer: parsed once, cut answers asked again, one re-ask when invalid. */
export interface OneObjectAnswer< Req, Out, Res > {
	kind: 'object';
	parse: ( text: string, request: Req ) => Out;
	/** The JSON string field streamed as `delta`, or null to stream the raw text (block markup). */
	deltaField: string | null;
	/** The `delta` text when the stream sent none (the answer came from a re-ask). */
	deltaText: ( response: Res ) => string;
}

/** Where a streaming answer sends its events (an SseResponse). */
export interface EventSink {
	event: ( name: string, data: unknown ) => void;
}

/**
 * The per-item streaming hook: the task asks the model itself and, when streaming, emits each item
 * (and its own `delta`) as it validates. The runner sends `done`.
 */
export interface ItemAnswer< Req, Out > {
	kind: 'items';
	generate: (
		runtime: TaskRuntime,
		request: Req,
		call: CallContext,
		events?: EventSink
	) => Promise< Out >;
}
