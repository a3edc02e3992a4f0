/**
 * Bump a task's version whenever its prompt text changes: it is part of the cache key, so a new
 * prompt never serves answers cached for the old one.
 */
export const PROMPT_VERSIONS = {
	'course-turn': 'course-turn/3',
	'lesson-content': 'lesson-content/2',
	'editor-assist': 'editor-assist/2',
	quiz: 'quiz/3',
} as const;

export type TaskName = keyof typeof PROMPT_VERSIONS;
