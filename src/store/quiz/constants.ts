import type { QuizOptions } from '../../schemas/quiz';

export const QUIZ_STORE_NAME = 'mpcc/quiz';

export const DEFAULT_QUIZ_OPTIONS: QuizOptions = Object.freeze( {
	type: 'multiple_choice',
	count: 5,
	difficulty: 'medium',
} ) as QuizOptions;
