import type { QuizRequest } from '../../src/schemas';
import type { CallContext } from '../call-context';
import { ProxyError } from '../errors';
import { JsonArrayItemScanner } from '../output/json-array-items';
import { extractJson } from '../output/json-extract';
import {
	curateQuestions,
	existingKeys,
	type CheckedQuestion,
} from '../output/quiz-quality';
import { OUTPUT_JSON_SCHEMA, quizPrompt } from '../prompts/quiz';
import { nullsToAbsent } from '../providers/strict-schema';
import type { EventSink } from './task-spec';
import {
	MAX_RETRY_OUTPUT_TOKENS,
	truncated,
	wasCut,
	withSettings,
	type TaskRuntime,
} from './task-runtime';

/**
 * The quiz's per-item answer: questions are validated one by one (streamed as each closes),
 * duplicates dropped, excerpts checked against the content; when fewer than asked survive, the
 * model is asked once more for just the missing ones.
 */
type Emit = ( question: CheckedQuestion, index: number ) => void;

/** One question's JSON schema: strict answers write null for absent optional fields. */
const QUESTION_JSON_SCHEMA = (
	OUTPUT_JSON_SCHEMA.properties as {
		questions: { items: Record< string, unknown > };
	}
 ).questions.items;

const TYPE_LABELS = {
	multiple_choice: 'multiple choice',
	true_false: 'true/false',
	multiple_answer: 'multiple answer',
	short_answer: 'short answer',
} as const;

/** The one `delta` line of a quiz stream. */
export function quizIntro( request: QuizRequest ): string {
	const { count, type, difficulty } = request.options;
	return `Writing ${ count } ${ difficulty } ${ TYPE_LABELS[ type ] } question${ count === 1 ? '' : 's' } from the content…`;
}

/**
 * One model call; accepted questions are appended to `accepted` and emitted as they validate.
 * Answers true when the answer was cut at the output limit (the questions before the cut count).
 */
async function ask(
	runtime: TaskRuntime,
	request: QuizRequest,
	call: CallContext,
	wanted: number,
	accepted: CheckedQuestion[],
	seen: Set< string >,
	emit?: Emit,
	onFirstText?: () => void,
	maxTokens?: number
): Promise< { cut: boolean; maxTokens: number } > {
	const base = withSettings(
		runtime,
		quizPrompt(
			request,
			wanted,
			accepted.map( ( q ) => q.question )
		)
	);
	const prompt = maxTokens ? { ...base, maxTokens } : base;
	const limit = accepted.length + wanted;
	const take = ( candidates: unknown[] ) => {
		const { kept } = curateQuestions(
			candidates.map( ( candidate ) =>
				nullsToAbsent( candidate, QUESTION_JSON_SCHEMA )
			),
			request.content,
			seen,
			limit - accepted.length,
			existingKeys( request.existing_questions )
		);
		for ( const question of kept ) {
			accepted.push( question );
			emit?.( question, accepted.length - 1 );
		}
	};
	let text = '';
	let cut = false;
	if ( emit ) {
		const scanner = new JsonArrayItemScanner();
		for await ( const part of runtime.provider.stream( prompt, call ) ) {
			if ( part.type !== 'text' ) {
				cut = wasCut( part );
				continue;
			}
			if ( ! text ) {
				onFirstText?.();
			}
			text += part.text;
			const items = scanner.feed( part.text );
			const candidates = items
				.map( ( item ) => extractJson( item ) )
				.filter( ( r ) => r.ok )
				.map( ( r ) => ( r as { value: unknown } ).value );
			take( candidates );
		}
	} else {
		const result = await runtime.provider.generate( prompt, call );
		text = result.text;
		cut = wasCut( result );
	}
	// The whole answer once more: repairs may recover questions the incremental scan could not read.
	const whole = extractJson( text );
	if ( whole.ok ) {
		const value = whole.value as { questions?: unknown };
		if ( Array.isArray( value ) ) {
			take( value );
		} else if ( Array.isArray( value?.questions ) ) {
			take( value.questions );
		}
	}
	return {
		cut,
		maxTokens: prompt.maxTokens ?? runtime.config.maxOutputTokens,
	};
}

export async function generateQuestions(
	runtime: TaskRuntime,
	request: QuizRequest,
	call: CallContext,
	events?: EventSink
): Promise< CheckedQuestion[] > {
	const emit: Emit | undefined = events
		? ( question, index ) =>
				events.event( 'questions', { questions: [ question ], index } )
		: undefined;
	const onFirstText = events
		? () => events.event( 'delta', { text: quizIntro( request ) } )
		: undefined;
	const accepted: CheckedQuestion[] = [];
	const seen = new Set< string >();
	const { count } = request.options;
	const first = await ask(
		runtime,
		request,
		call,
		count,
		accepted,
		seen,
		emit,
		onFirstText
	);
	let last = first;
	if ( accepted.length < count ) {
		runtime.metrics.reasks.inc( { task: 'quiz' } );
		// Questions cut off at the output limit are asked for again with twice the budget.
		const budget = first.cut
			? Math.min( first.maxTokens * 2, MAX_RETRY_OUTPUT_TOKENS )
			: undefined;
		if ( first.cut ) {
			runtime.metrics.truncations.inc( {
				task: 'quiz',
				outcome: 'retried',
			} );
		}
		last = await ask(
			runtime,
			request,
			call,
			count - accepted.length,
			accepted,
			seen,
			emit,
			undefined,
			budget
		);
	}
	if ( accepted.length === 0 && last.cut ) {
		runtime.metrics.truncations.inc( {
			task: 'quiz',
			outcome: 'failed',
		} );
		throw truncated( last.maxTokens );
	}
	if ( accepted.length === 0 ) {
		throw new ProxyError(
			'invalid_model_output',
			'the model produced no valid question, even when asked again'
		);
	}
	return accepted;
}
