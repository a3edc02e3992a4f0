import type { FastifyInstance } from 'fastify';
import { quizTaskHandler } from '../tasks/quiz-task';
import { structuredTaskHandler } from '../tasks/run-structured-task';
import {
	courseTurnTask,
	editorAssistTask,
	lessonContentTask,
} from '../tasks/structured-tasks';
import type { TaskRuntime } from '../tasks/task-runtime';

/** The task routes of the three surfaces (bodies: src/schemas/tasks.ts). */
export function registerTaskRoutes(
	app: FastifyInstance,
	runtime: TaskRuntime
): void {
	app.post(
		'/v1/tasks/course-turn',
		structuredTaskHandler( courseTurnTask, runtime )
	);
	app.post(
		'/v1/tasks/lesson-content',
		structuredTaskHandler( lessonContentTask, runtime )
	);
	app.post(
		'/v1/tasks/editor-assist',
		structuredTaskHandler( editorAssistTask, runtime )
	);
	app.post( '/v1/tasks/quiz', quizTaskHandler( runtime ) );
}
