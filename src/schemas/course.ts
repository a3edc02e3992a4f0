import { z } from 'zod';

/** Limits the bridge and the proxy both enforce (issue 4: ≤ 50 sections × 50 lessons). */
export const COURSE_LIMITS = {
	maxSections: 50,
	maxLessonsPerSection: 50,
	maxTitleLength: 200,
	maxDescriptionLength: 5000,
	maxLessonContentLength: 100_000,
} as const;

const id = z.string().min( 1 ).max( 64 );

export const LessonSchema = z.object( {
	id,
	title: z.string().trim().min( 1 ).max( COURSE_LIMITS.maxTitleLength ),
	summary: z.string().max( COURSE_LIMITS.maxDescriptionLength ).optional(),
	content: z.string().max( COURSE_LIMITS.maxLessonContentLength ).optional(),
	duration_minutes: z.number().int().min( 1 ).max( 1440 ).optional(),
} );

export const SectionSchema = z.object( {
	id,
	title: z.string().trim().min( 1 ).max( COURSE_LIMITS.maxTitleLength ),
	description: z
		.string()
		.max( COURSE_LIMITS.maxDescriptionLength )
		.optional(),
	lessons: z.array( LessonSchema ).max( COURSE_LIMITS.maxLessonsPerSection ),
} );

export const CourseStructureSchema = z.object( {
	title: z.string().trim().min( 1 ).max( COURSE_LIMITS.maxTitleLength ),
	description: z.string().max( COURSE_LIMITS.maxDescriptionLength ),
	sections: z.array( SectionSchema ).max( COURSE_LIMITS.maxSections ),
} );

export type Lesson = z.infer< typeof LessonSchema >;
export type Section = z.infer< typeof SectionSchema >;
export type CourseStructure = z.infer< typeof CourseStructureSchema >;
