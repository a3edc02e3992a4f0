import {
	QuizRequestSchema,
	QuizResponseSchema,
	type QuizRequest,
	type QuizResponse,
} from '../../src/schemas';
import { ProxyError } from '../errors';
import { qualityScore, type CheckedQuestion } from '../output/quiz-quality';
import { quizPrompt } from '../prompts/quiz';
import { demoAnswers } from './demo';
import { generateQuestions, quizIntro } from './quiz-questions';
import type { TaskSpec } from './task-spec';

/**
 * Quiz generation as a task spec: questions stream one by one as each validates (the per-item
 * hook, quiz-questions.ts); quality_score comes from the checks.
 */
export const quizTask: TaskSpec<
	QuizRequest,
	CheckedQuestion[],
	QuizResponse
> = {
	name: 'quiz',
	requestSchema: QuizRequestSchema,
	responseSchema: QuizResponseSchema,
	prompt: ( request ) => quizPrompt( request, request.options.count ),
	demo: demoAnswers.quiz,
	respond( questions, request, demo ) {
		const response = {
			questions,
			total: questions.length,
			type: request.options.type,
			quality_score: qualityScore( questions ),
			demo,
		};
		if ( ! QuizResponseSchema.safeParse( response ).success ) {
			throw new ProxyError(
				'invalid_model_output',
				'the quiz does not match the response schema'
			);
		}
		return response;
	},
	replayDeltas: ( _response, request ) => [ quizIntro( request ) ],
	events: ( response ) =>
		response.questions.map( ( question, index ) => [
			'questions',
			{ questions: [ question ], index },
		] ),
	answer: { kind: 'items', generate: generateQuestions },
};
