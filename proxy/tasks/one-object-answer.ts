import type { CallContext } from '../call-context';
import { ProxyError } from '../errors';
import { StreamingStringField } from '../output/streaming-field';
import type { GenerateRequest } from '../providers/types';
import type { EventSink, OneObjectAnswer, TaskSpec } from './task-spec';
import {
	askWithLargerBudget,
	InvalidModelOutput,
	reaskPrompt,
	wasCut,
	type TaskRuntime,
} from './task-runtime';

/**
 * How a one-object task gets its answer from the model: one call (asked again with a larger budget
 * when cut), parsed, one re-ask when invalid, checked against the response schema. Streaming sends
 * the `delta` field as the model writes it, then the structured events.
 */
export function oneObjectAnswer< Req extends { stream?: boolean }, Out, Res >(
	spec: TaskSpec< Req, Out, Res >,
	answer: OneObjectAnswer< Req, Out, Res >,
	runtime: TaskRuntime
) {
	async function reask(
		request: Req,
		call: CallContext,
		prompt: GenerateRequest,
		bad: string,
		error: InvalidModelOutput
	): Promise< Out > {
		runtime.metrics.reasks.inc( { task: spec.name } );
		runtime.log.info(
			{ task: spec.name, reason: error.reason },
			'model output invalid; asking once more'
		);
		const second = await runtime.provider.generate(
			reaskPrompt( prompt, bad, error.reason ),
			call
		);
		try {
			return answer.parse( second.text, request );
		} catch ( again ) {
			if ( again instanceof InvalidModelOutput ) {
				throw new ProxyError(
					'invalid_model_output',
					`the model's answer was invalid twice: ${ again.reason }`
				);
			}
			throw again;
		}
	}

	/** Parses the whole answer; an invalid one is asked once more. */
	async function parsed(
		request: Req,
		call: CallContext,
		prompt: GenerateRequest,
		text: string
	): Promise< Out > {
		try {
			return answer.parse( text, request );
		} catch ( error ) {
			if ( ! ( error instanceof InvalidModelOutput ) ) {
				throw error;
			}
			return reask( request, call, prompt, text, error );
		}
	}

	async function generate(
		request: Req,
		call: CallContext,
		prompt: GenerateRequest
	): Promise< Res > {
		let first = await runtime.provider.generate( prompt, call );
		if ( wasCut( first ) ) {
			first = await askWithLargerBudget(
				runtime,
				spec.name,
				prompt,
				call
			);
		}
		return spec.respond(
			await parsed( request, call, prompt, first.text ),
			request,
			false
		);
	}

	async function stream(
		request: Req,
		call: CallContext,
		prompt: GenerateRequest,
		sink: EventSink
	): Promise< Res > {
		let text = '';
		let cut = false;
		let sentDelta = false;
		const field = answer.deltaField
			? new StreamingStringField( answer.deltaField )
			: undefined;
		for await ( const part of runtime.provider.stream( prompt, call ) ) {
			if ( part.type !== 'text' ) {
				cut = wasCut( part );
				continue;
			}
			text += part.text;
			const delta = field ? field.feed( part.text ) : part.text;
			if ( delta ) {
				sink.event( 'delta', { text: delta } );
				sentDelta = true;
			}
		}
		if ( cut ) {
			// The deltas already sent are the start of the cut answer; `done` carries the whole new one.
			text = (
				await askWithLargerBudget( runtime, spec.name, prompt, call )
			).text;
		}
		// Nothing is retried after bytes went out, but a re-ask is a new question: its result is authoritative in `done`.
		const response = spec.respond(
			await parsed( request, call, prompt, text ),
			request,
			false
		);
		if ( ! sentDelta ) {
			sink.event( 'delta', { text: answer.deltaText( response ) } );
		}
		for ( const [ name, data ] of spec.events( response ) ) {
			sink.event( name, data );
		}
		return response;
	}

	return { generate, stream };
}
