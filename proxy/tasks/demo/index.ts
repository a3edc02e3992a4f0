import type {
	CourseTurnRequest,
	EditorAssistRequest,
	LessonContentRequest,
	QuizRequest,
} from '../../../src/schemas';
import { curateQuestions, existingKeys } from '../../output/quiz-quality';
import { demoCourseTurn } from './course-turn';
import { demoEditorAssist } from './editor-assist';
import { demoLessonContent } from './lesson-content';
import { demoQuizQuestions } from './quiz';

/**
 * The demo's answers to the task routes, shaped like a provider's answer once parsed: one
 * deterministic, offline answer per task. The task runner asks this adapter instead of the model
 * when the configured provider is the demo; the answer then goes through the same response checks.
 */
export const demoAnswers = {
	'course-turn': ( request: CourseTurnRequest ) => demoCourseTurn( request ),
	'lesson-content': ( request: LessonContentRequest ) => ( {
		content: demoLessonContent( request ),
	} ),
	'editor-assist': ( request: EditorAssistRequest ) =>
		demoEditorAssist( request ),
	/** Demo questions pass the same checks as a model's (duplicates, existing questions, count). */
	quiz: ( request: QuizRequest ) =>
		curateQuestions(
			demoQuizQuestions( request.content, request.options ),
			request.content,
			new Set(),
			request.options.count,
			existingKeys( request.existing_questions )
		).kept,
};
