import { EventSourceParserStream } from 'eventsource-parser/stream';
import { post, readReply, toTransportError } from './client';
import { ApiError, CLIENT_ERROR_CODES, normalizeCode } from './errors';
import { describeError } from './error-messages';
import type { AjaxFields, AjaxReply, GeneratedQuestion } from './types';
import type { ConversationState } from '../schemas/conversation';
import type { CourseStructure } from '../schemas/course';
import type { EditorSuggestion } from '../schemas/suggestions';

/** A new conversation, stored before the model answers (first event). */
export interface SessionEvent {
	session_id: string;
	title?: string;
	revision: number;
}

/** The events each streaming action sends before `done` (whose data is the action's full reply). */
export interface StreamEvents {
	mpcc_chat_message: {
		session: SessionEvent;
		delta: { text: string };
		structure: {
			course_structure: CourseStructure | null;
			conversation_state: ConversationState;
		};
	};
	mpcc_editor_ai_chat: {
		/** The post's first conversation. */
		session: SessionEvent;
		delta: { text: string };
		suggestions: { suggestions: EditorSuggestion[] };
	};
	mpcc_generate_quiz: {
		delta: { text: string };
		questions: { questions: GeneratedQuestion[]; index: number };
	};
	mpcc_generate_lesson_content: {
		delta: { text: string };
		content: { content: string };
	};
}

export type StreamAction = keyof StreamEvents;
export type StreamHandlers< A extends StreamAction > = {
	[ E in keyof StreamEvents[ A ] ]?: ( data: StreamEvents[ A ][ E ] ) => void;
};

/**
 * One streamed ajax request (`stream=1`, `text/event-stream`). Owns its AbortController:
 * `close()` stops the request and makes `done` reject with an `mpcc_aborted` ApiError.
 * A server that answers plain JSON instead of a stream is accepted too (then only `done` fires).
 */
export class SSEClient< A extends StreamAction > {
	readonly done: Promise< AjaxReply< A > >;
	private readonly controller = new AbortController();
	private finished = false;

	constructor(
		action: A,
		fields: AjaxFields< A >,
		private readonly handlers: StreamHandlers< A > = {}
	) {
		this.done = this.run( action, fields );
		// Callers that only close() must not see an unhandled rejection.
		this.done.catch( () => undefined );
	}

	get closed(): boolean {
		return this.finished || this.controller.signal.aborted;
	}

	close(): void {
		if ( ! this.controller.signal.aborted ) {
			this.controller.abort();
		}
	}

	private async run(
		action: A,
		fields: AjaxFields< A >
	): Promise< AjaxReply< A > > {
		try {
			const response = await post( action, fields, {
				signal: this.controller.signal,
				extra: { stream: '1' },
				headers: {
					Accept: 'text/event-stream, application/json;q=0.9',
				},
			} );
			const type = response.headers.get( 'content-type' ) ?? '';
			if (
				! response.ok ||
				! type.includes( 'text/event-stream' ) ||
				! response.body
			) {
				return await readReply< AjaxReply< A > >( response );
			}
			return await this.readStream( response.body );
		} catch ( error ) {
			throw this.controller.signal.aborted
				? new ApiError(
						CLIENT_ERROR_CODES.aborted,
						describeError( CLIENT_ERROR_CODES.aborted ).message
					)
				: toTransportError( error );
		} finally {
			this.finished = true;
		}
	}

	/** Reads events until `done` (resolves) or `error` (rejects); a stream that ends first is a bad response. */
	private async readStream(
		body: ReadableStream< BufferSource >
	): Promise< AjaxReply< A > > {
		const events = body
			.pipeThrough( new TextDecoderStream() )
			.pipeThrough( new EventSourceParserStream() )
			.getReader();
		try {
			for (;;) {
				const { done, value } = await events.read();
				if ( done ) {
					throw new ApiError(
						CLIENT_ERROR_CODES.badResponse,
						describeError( CLIENT_ERROR_CODES.badResponse ).message
					);
				}
				const name = value.event ?? 'message';
				const data = parseData( value.data );
				if ( name === 'done' ) {
					return data as AjaxReply< A >;
				}
				if ( name === 'error' ) {
					throw streamError( data );
				}
				const handlers = this.handlers as Record<
					string,
					( d: unknown ) => void
				>;
				handlers[ name ]?.( data );
			}
		} finally {
			// Stops the request once the answer is in (or the reader failed); nothing left to read.
			events.cancel().catch( () => undefined );
		}
	}
}

function parseData( data: string ): unknown {
	try {
		return JSON.parse( data );
	} catch {
		return data;
	}
}

/** The `error` event's data: `{ code, message }` as docs/contracts.md "Stream events" says. */
function streamError( data: unknown ): ApiError {
	const record = ( typeof data === 'object' && data ? data : {} ) as Record<
		string,
		unknown
	>;
	const code = normalizeCode( record.code, 500 );
	const message =
		typeof record.message === 'string'
			? record.message
			: describeError( code ).message;
	return new ApiError( code, message, 0, record );
}
