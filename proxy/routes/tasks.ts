import type { FastifyInstance } from 'fastify';
import { quizTask } from '../tasks/quiz-task';
import { taskHandler } from '../tasks/run-task';
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
	app.post( '/v1/tasks/course-turn', taskHandler( courseTurnTask, runtime ) );
	app.post(
		'/v1/tasks/lesson-content',
		taskHandler( lessonContentTask, runtime )
	);
	app.post(
		'/v1/tasks/editor-assist',
		taskHandler( editorAssistTask, runtime )
	);
	app.post( '/v1/tasks/quiz', taskHandler( quizTask, runtime ) );
}
