/**
 * The outline's two sets of limits, kept free of zod so the browser bundles can import them.
 * The PHP bridge holds the same numbers (CourseShape, CourseDraftShape); the shared fixtures in
 * tests/fixtures/schemas keep the two in step.
 */

/** The finished course: what Create course and the model's answers must meet (issue 4: ≤ 50 sections × 50 lessons). */
export const COURSE_LIMITS = {
	maxSections: 50,
	maxLessonsPerSection: 50,
	maxTitleLength: 200,
	maxDescriptionLength: 5000,
	maxLessonContentLength: 100_000,
} as const;

/**
 * A session's outline as work in progress: whatever an author types or clicks saves (untitled
 * items, empty or big sections, long titles). These caps stop only abuse — about ten times what a
 * real course has; the 1 MB request limit bounds the rest.
 */
export const DRAFT_LIMITS = {
	maxSections: 500,
	maxLessonsPerSection: 1000,
	maxLessons: 5000,
	maxTitleLength: 5000,
	maxDescriptionLength: 100_000,
	maxLessonContentLength: 1_000_000,
} as const;
