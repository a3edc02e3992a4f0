import type { z } from 'zod';
import {
	CourseTurnRequestSchema,
	CourseTurnResponseSchema,
	EditorAssistRequestSchema,
	EditorAssistResponseSchema,
	EditorSuggestionSchema,
	LessonContentRequestSchema,
	LessonContentResponseSchema,
	type CourseTurnRequest,
	type EditorAssistRequest,
	type EditorSuggestion,
	type LessonContentRequest,
} from '../../src/schemas';
import {
	blockMarkupIsBalanced,
	hasBlockMarkup,
	textToBlocks,
} from '../output/block-markup';
import { extractJson } from '../output/json-extract';
import {
	courseTurnPrompt,
	CourseTurnOutputSchema,
	OUTPUT_JSON_SCHEMA as COURSE_TURN_JSON_SCHEMA,
} from '../prompts/course-turn';
import {
	editorAssistPrompt,
	OUTPUT_JSON_SCHEMA as EDITOR_ASSIST_JSON_SCHEMA,
} from '../prompts/editor-assist';
import { lessonContentPrompt } from '../prompts/lesson-content';
import type { TaskName } from '../prompts/prompt-versions';
import { ProxyError } from '../errors';
import { stableId, streamChunks } from '../text/text-analysis';
import { demoAnswers } from './demo';
import { nullsToAbsent } from '../providers/strict-schema';
import type { GenerateRequest } from '../providers/types';
import { InvalidModelOutput } from './task-runtime';
import type { TaskSpec } from './task-spec';

/**
 * The three task routes that answer with one object (course turn, lesson content, editor assist)
 * as task specs: how to validate the request, prompt, parse the model's text, answer in demo
 * mode, and which SSE events carry the structured part. run-task.ts runs them.
 */
interface OneObjectTaskParts< Req, Out > {
	name: Exclude< TaskName, 'quiz' >;
	requestSchema: z.ZodType< Req >;
	responseSchema: z.ZodType;
	prompt: ( request: Req ) => GenerateRequest;
	parse: ( text: string, request: Req ) => Out;
	demo: ( request: Req ) => Out;
	deltaField: string | null;
	deltaText: ( output: Out ) => string;
	events: ( output: Out ) => Array< [ string, unknown ] >;
}

type WithDemoFlag< Out > = Out & { demo: boolean };

function oneObjectTask< Req extends { stream?: boolean }, Out extends object >(
	parts: OneObjectTaskParts< Req, Out >
): TaskSpec< Req, Out, WithDemoFlag< Out > > {
	const { responseSchema, deltaText } = parts;
	return {
		...parts,
		respond( output, _request, demo ) {
			const response = { ...output, demo };
			if ( ! responseSchema.safeParse( response ).success ) {
				throw new ProxyError(
					'invalid_model_output',
					'the answer does not match the response schema'
				);
			}
			return response;
		},
		replayDeltas: ( response ) => streamChunks( deltaText( response ), 6 ),
		answer: {
			kind: 'object',
			parse: parts.parse,
			deltaField: parts.deltaField,
			deltaText,
		},
	};
}

/** The answer's JSON, with the nulls a strict schema made the model write for absent fields removed. */
function parsedJson(
	text: string,
	schema: Record< string, unknown >
): unknown {
	const extracted = extractJson( text );
	if ( ! extracted.ok ) {
		throw new InvalidModelOutput( extracted.reason );
	}
	return nullsToAbsent( extracted.value, schema );
}

function issues( error: z.ZodError ): string {
	return error.issues
		.slice( 0, 5 )
		.map(
			( issue ) =>
				`${ issue.path.join( '.' ) || '(root)' }: ${ issue.message }`
		)
		.join( '; ' );
}

type CourseTurnOutput = z.infer< typeof CourseTurnOutputSchema >;

export const courseTurnTask = oneObjectTask<
	CourseTurnRequest,
	CourseTurnOutput
>( {
	name: 'course-turn',
	requestSchema: CourseTurnRequestSchema,
	responseSchema: CourseTurnResponseSchema,
	prompt: courseTurnPrompt,
	parse( text, request ) {
		const value = parsedJson( text, COURSE_TURN_JSON_SCHEMA ) as Record<
			string,
			unknown
		>;
		// A model that leaves the outline out while one exists means "unchanged".
		if (
			value &&
			typeof value === 'object' &&
			( value.course_structure === null ||
				value.course_structure === undefined ) &&
			request.course_structure
		) {
			value.course_structure = request.course_structure;
		}
		const result = CourseTurnOutputSchema.safeParse( value );
		if ( ! result.success ) {
			throw new InvalidModelOutput(
				`the JSON does not match the schema (${ issues( result.error ) })`
			);
		}
		return result.data;
	},
	demo: demoAnswers[ 'course-turn' ],
	deltaField: 'message',
	deltaText: ( output ) => output.message,
	events: ( output ) => [
		[
			'structure',
			{
				course_structure: output.course_structure,
				conversation_state: output.conversation_state,
			},
		],
	],
} );

export const lessonContentTask = oneObjectTask<
	LessonContentRequest,
	{ content: string }
>( {
	name: 'lesson-content',
	requestSchema: LessonContentRequestSchema,
	responseSchema: LessonContentResponseSchema,
	prompt: lessonContentPrompt,
	parse( text ) {
		let content = text.trim();
		const fenced = /^```[a-z]*\s*\n([^]*?)\n?```\s*$/i.exec( content );
		if ( fenced?.[ 1 ] ) {
			content = fenced[ 1 ].trim();
		}
		if ( ! hasBlockMarkup( content ) ) {
			content = textToBlocks( content );
		}
		if ( ! content ) {
			throw new InvalidModelOutput( 'the lesson is empty' );
		}
		if ( ! blockMarkupIsBalanced( content ) ) {
			throw new InvalidModelOutput(
				'the block markup has unclosed or mismatched block comments'
			);
		}
		return { content };
	},
	demo: demoAnswers[ 'lesson-content' ],
	deltaField: null,
	deltaText: ( output ) => output.content,
	events: ( output ) => [ [ 'content', { content: output.content } ] ],
} );

export const editorAssistTask = oneObjectTask<
	EditorAssistRequest,
	{ message: string; suggestions: EditorSuggestion[] }
>( {
	name: 'editor-assist',
	requestSchema: EditorAssistRequestSchema,
	responseSchema: EditorAssistResponseSchema,
	prompt: editorAssistPrompt,
	parse( text, request ) {
		const value = parsedJson( text, EDITOR_ASSIST_JSON_SCHEMA ) as {
			message?: unknown;
			suggestions?: unknown;
		};
		if (
			! value ||
			typeof value !== 'object' ||
			typeof value.message !== 'string'
		) {
			throw new InvalidModelOutput( 'the JSON has no "message" string' );
		}
		// Suggestions are checked one by one: an invalid one is dropped, the rest still help.
		const suggestions: EditorSuggestion[] = [];
		for ( const raw of Array.isArray( value.suggestions )
			? value.suggestions
			: [] ) {
			const candidate =
				raw && typeof raw === 'object'
					? { ...( raw as Record< string, unknown > ) }
					: raw;
			if (
				candidate &&
				typeof candidate === 'object' &&
				! ( 'id' in candidate )
			) {
				( candidate as Record< string, unknown > ).id = stableId(
					'sugg',
					JSON.stringify( candidate )
				);
			}
			const parsed = EditorSuggestionSchema.safeParse( candidate );
			if (
				parsed.success &&
				! (
					parsed.data.type === 'replace_block' &&
					! request.post.selected_block
				)
			) {
				suggestions.push( parsed.data );
			}
		}
		return {
			message: value.message,
			suggestions: suggestions.slice( 0, 10 ),
		};
	},
	demo: demoAnswers[ 'editor-assist' ],
	deltaField: 'message',
	deltaText: ( output ) => output.message,
	events: ( output ) => [
		[ 'suggestions', { suggestions: output.suggestions } ],
	],
} );
