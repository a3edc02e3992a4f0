import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ProviderName } from '../../config';
import type { Replayed } from '../fake-upstream/fake-upstream';
import { chunkText } from '../fake-upstream/wire-formats';

/**
 * Conformance transcripts: request/response pairs in each provider's real wire format, written
 * from its public documentation (the `source` of each file in transcripts/). A response is a
 * template: "{{answer}}" (a string value) becomes the task's answer text, "{{cut_answer}}" its
 * first 60 % (an answer cut at the token limit), "{{answer_json}}" the answer as JSON (a tool's
 * input); an SSE frame `{ each_chunk, of }` repeats once per piece of that text, with "{{chunk}}"
 * inside a JSON string replaced by the escaped piece.
 */
export type Outcome =
	{ ok: true } | { status: number; code: string; message?: string };

export interface TranscriptResponse {
	status: number;
	headers: Record< string, string >;
	body?: unknown;
	events?: Array<
		string | { each_chunk: string; of: 'answer' | 'cut_answer' }
	>;
}

export interface Exchange {
	request: { path: string; includes?: Record< string, unknown > };
	response: TranscriptResponse;
	/** Anthropic answers requests that force no tool (lesson content) with text instead. */
	response_without_tools?: TranscriptResponse;
}

export interface Transcript {
	file: string;
	name: string;
	provider: Exclude< ProviderName, 'demo' >;
	source: string;
	/** The second call must ask for twice the first one's max_tokens. */
	budget_doubles?: boolean;
	outcome_by_task?: Record< string, Outcome >;
	json: { outcome: Outcome; exchanges: Exchange[] };
	sse: { outcome: Outcome; exchanges: Exchange[] };
}

const DIR = path.join( import.meta.dirname, 'transcripts' );

export function loadTranscripts(): Transcript[] {
	return readdirSync( DIR )
		.filter( ( file ) => file.endsWith( '.json' ) )
		.sort()
		.map( ( file ) => ( {
			file,
			...( JSON.parse(
				readFileSync( path.join( DIR, file ), 'utf8' )
			) as Omit< Transcript, 'file' > ),
		} ) );
}

export function cutAnswer( answer: string ): string {
	return answer.slice( 0, Math.floor( answer.length * 0.6 ) );
}

function fill( value: unknown, answer: string ): unknown {
	if ( value === '{{answer}}' ) {
		return answer;
	}
	if ( value === '{{cut_answer}}' ) {
		return cutAnswer( answer );
	}
	if ( value === '{{answer_json}}' ) {
		return JSON.parse( answer ) as unknown;
	}
	if ( Array.isArray( value ) ) {
		return value.map( ( item ) => fill( item, answer ) );
	}
	if ( value && typeof value === 'object' ) {
		return Object.fromEntries(
			Object.entries( value ).map( ( [ key, item ] ) => [
				key,
				fill( item, answer ),
			] )
		);
	}
	return value;
}

function forcesTool( body: Record< string, unknown > ): boolean {
	return Array.isArray( body.tools ) && body.tools.length > 0;
}

/** The bytes one exchange answers with, for this request and this task's answer. */
export function render(
	exchange: Exchange,
	request: Record< string, unknown >,
	answer: string,
	chunkSize = 40
): Replayed {
	const response =
		exchange.response_without_tools && ! forcesTool( request )
			? exchange.response_without_tools
			: exchange.response;
	const replayed: Replayed = {
		status: response.status,
		headers: response.headers,
	};
	if ( response.body !== undefined ) {
		replayed.body = JSON.stringify( fill( response.body, answer ) );
	}
	if ( response.events ) {
		replayed.events = response.events.flatMap( ( frame ) => {
			if ( typeof frame === 'string' ) {
				return [ frame ];
			}
			const text =
				frame.of === 'cut_answer' ? cutAnswer( answer ) : answer;
			return chunkText( text, chunkSize ).map( ( piece ) =>
				frame.each_chunk.replace( '{{chunk}}', () =>
					JSON.stringify( piece ).slice( 1, -1 )
				)
			);
		} );
	}
	return replayed;
}
