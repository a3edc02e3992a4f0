import type { CourseStructure } from '../../src/schemas';
import { ProxyError } from '../errors';

/** Finds the lesson a request names, or fails with a 400 that says which id was unknown. */
export function findLesson(
	course: CourseStructure,
	sectionId: string,
	lessonId: string
) {
	const section = course.sections.find( ( s ) => s.id === sectionId );
	if ( ! section ) {
		throw new ProxyError(
			'invalid_request',
			`section_id "${ sectionId }" is not in the course`
		);
	}
	const lesson = section.lessons.find( ( l ) => l.id === lessonId );
	if ( ! lesson ) {
		throw new ProxyError(
			'invalid_request',
			`lesson_id "${ lessonId }" is not in section "${ sectionId }"`
		);
	}
	return { section, lesson };
}
