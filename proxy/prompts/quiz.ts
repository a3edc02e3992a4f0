import { z } from 'zod';
import {
	QuizQuestionSchema,
	type Difficulty,
	type QuestionType,
	type QuizRequest,
} from '../../src/schemas';
import type { GenerateRequest } from '../providers/types';
import { modelJsonSchema } from './json-schema';

export const QuizOutputSchema = z.object( {
	questions: z.array( QuizQuestionSchema ),
} );
export const OUTPUT_JSON_SCHEMA = modelJsonSchema( QuizOutputSchema, {
	unrepresentable: 'any',
} );

const TYPE_GUIDES: Record< QuestionType, string > = {
	multiple_choice:
		"Type multiple_choice: exactly 4 options, exactly one correct; correct_answer is the exact text of the correct option. Vary the correct option's position and do not make it the longest option.",
	true_false:
		'Type true_false: the question is a statement; options are ["True","False"]; correct_answer is "true" or "false". Mix true and false statements; false ones change one fact of the text.',
	multiple_answer:
		'Type multiple_answer: 4–6 options with two or more correct; correct_answer is an array of the exact texts of the correct options. Do not make the correct options the longest.',
	short_answer:
		'Type short_answer: the answer is 1–5 words stated in the text; options is []; correct_answer is the expected answer.',
};

const DIFFICULTY_GUIDES: Record< Difficulty, string > = {
	easy: 'Difficulty easy: ask about facts stated directly in one sentence, in plain words; distractors are clearly wrong to someone who read the text.',
	medium: 'Difficulty medium: ask about understanding — why or how, or how two ideas relate; distractors are plausible.',
	hard: 'Difficulty hard: ask the learner to apply or analyse — a new situation, or ideas combined from different parts; distractors are common misconceptions.',
};

const MAX_CONTENT_CHARS = 40_000;

/** `avoid` lists questions already accepted, for the one follow-up ask when some were missing or invalid. */
export function quizPrompt(
	request: QuizRequest,
	count: number,
	avoid: readonly string[] = []
): GenerateRequest {
	const { options } = request;
	const system = [
		"You write quiz questions that test a lesson's content for an online course. Use only what the content says.",
		TYPE_GUIDES[ options.type ],
		DIFFICULTY_GUIDES[ options.difficulty ],
		'Each question has: type, question, options, correct_answer, explanation (one or two sentences saying why, citing the content), difficulty, points (1 easy, 2 medium, 3 hard), source_excerpt (a sentence copied verbatim from the content that the question is based on).',
		'No two questions may ask the same thing.',
		`Answer with one JSON object and nothing else: {"questions": [ … ]} with exactly ${ count } question${ count === 1 ? '' : 's' } of type ${ options.type } at difficulty ${ options.difficulty }.`,
		options.instructions
			? `The instructor adds: ${ options.instructions }`
			: '',
		avoid.length
			? `Do not repeat these questions:\n${ avoid.map( ( q ) => `- ${ q }` ).join( '\n' ) }`
			: '',
		request.existing_questions?.length
			? `The quiz already has these questions; write different ones:\n${ request.existing_questions.map( ( q ) => `- ${ q }` ).join( '\n' ) }`
			: '',
	]
		.filter( Boolean )
		.join( '\n\n' );
	const content =
		request.content.length > MAX_CONTENT_CHARS
			? request.content.slice( 0, MAX_CONTENT_CHARS )
			: request.content;
	return {
		system,
		messages: [ { role: 'user', content: `Content:\n${ content }` } ],
		json: { name: 'quiz', schema: OUTPUT_JSON_SCHEMA },
	};
}
