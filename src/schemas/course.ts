import { z } from 'zod';
import { COURSE_LIMITS, DRAFT_LIMITS } from './limits';

export { COURSE_LIMITS, DRAFT_LIMITS };

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

/** A session's outline as work in progress (PHP CourseDraftShape): see DRAFT_LIMITS. */
const draftTitle = z.string().max( DRAFT_LIMITS.maxTitleLength );
const draftDescription = z.string().max( DRAFT_LIMITS.maxDescriptionLength );

export const LessonDraftSchema = LessonSchema.extend( {
	title: draftTitle,
	summary: draftDescription.optional(),
	content: z.string().max( DRAFT_LIMITS.maxLessonContentLength ).optional(),
} );

export const SectionDraftSchema = SectionSchema.extend( {
	title: draftTitle,
	description: draftDescription.optional(),
	lessons: z
		.array( LessonDraftSchema )
		.max( DRAFT_LIMITS.maxLessonsPerSection ),
} );

export const CourseDraftSchema = z
	.object( {
		title: draftTitle,
		description: draftDescription,
		sections: z.array( SectionDraftSchema ).max( DRAFT_LIMITS.maxSections ),
	} )
	.refine(
		( course ) =>
			course.sections.reduce( ( n, s ) => n + s.lessons.length, 0 ) <=
			DRAFT_LIMITS.maxLessons,
		{
			message: `expected at most ${ DRAFT_LIMITS.maxLessons } lessons in all`,
			path: [ 'sections' ],
		}
	);

export type Lesson = z.infer< typeof LessonSchema >;
export type Section = z.infer< typeof SectionSchema >;
export type CourseStructure = z.infer< typeof CourseStructureSchema >;
export type CourseDraft = z.infer< typeof CourseDraftSchema >;
