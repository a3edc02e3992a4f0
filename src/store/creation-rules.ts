/**
 * What stands between an outline and Create course, in the author's words and pointing at the
 * item ("Lesson 1.3 needs a title", "Section 2 has 52 lessons; the most is 50"). The same rules
 * as the bridge's CourseShape (src/schemas/course.ts CourseStructureSchema), plus issue 14's "at
 * least one section and one lesson". Saving never waits for these: the outline is a draft.
 */
import { __, _n, sprintf } from '@wordpress/i18n';
import { COURSE_LIMITS } from '../schemas/limits';
import type { CourseStructure } from './types';

export interface CreationBlocker {
	/** The section or lesson it is about; null for the course itself. */
	itemId: string | null;
	/** The section it is in (a lesson's section, or the section itself): to open before focusing. */
	sectionId: string | null;
	field: 'title' | 'description' | 'sections' | 'lessons' | 'content';
	message: string;
}

/** zod's `.trim().min( 1 )`: JavaScript's trim, then UTF-16 length. */
const blank = ( text: string ) => text.trim().length === 0;

function tooLong( what: string, length: number, most: number ): string {
	return sprintf(
		/* translators: 1: what is too long, e.g. "Lesson 1.3's title", 2: its length, 3: the limit */
		_n(
			'%1$s has %2$d character; the most is %3$d.',
			'%1$s has %2$d characters; the most is %3$d.',
			length,
			'courses-copilot'
		),
		what,
		length,
		most
	);
}

export function creationBlockers(
	structure: CourseStructure | null
): CreationBlocker[] {
	if ( ! structure ) {
		return [];
	}
	const blockers: CreationBlocker[] = [];
	const limits = COURSE_LIMITS;
	const title = structure.title.trim();
	if ( ! title ) {
		blockers.push( {
			itemId: null,
			sectionId: null,
			field: 'title',
			message: __( 'The course needs a title.', 'courses-copilot' ),
		} );
	} else if ( title.length > limits.maxTitleLength ) {
		blockers.push( {
			itemId: null,
			sectionId: null,
			field: 'title',
			message: tooLong(
				__( 'The course title', 'courses-copilot' ),
				title.length,
				limits.maxTitleLength
			),
		} );
	}
	if ( structure.description.length > limits.maxDescriptionLength ) {
		blockers.push( {
			itemId: null,
			sectionId: null,
			field: 'description',
			message: tooLong(
				__( 'The course description', 'courses-copilot' ),
				structure.description.length,
				limits.maxDescriptionLength
			),
		} );
	}
	const sections = structure.sections;
	if ( sections.length === 0 ) {
		blockers.push( {
			itemId: null,
			sectionId: null,
			field: 'sections',
			message: __(
				'Add a section with at least one lesson.',
				'courses-copilot'
			),
		} );
		return blockers;
	}
	if ( sections.length > limits.maxSections ) {
		blockers.push( {
			itemId: null,
			sectionId: null,
			field: 'sections',
			message: sprintf(
				/* translators: 1: number of sections, 2: the most allowed */
				__(
					'The course has %1$d sections; the most is %2$d.',
					'courses-copilot'
				),
				sections.length,
				limits.maxSections
			),
		} );
	}
	if ( sections.every( ( section ) => section.lessons.length === 0 ) ) {
		blockers.push( {
			itemId: null,
			sectionId: null,
			field: 'lessons',
			message: __( 'Add at least one lesson.', 'courses-copilot' ),
		} );
	}
	sections.forEach( ( section, s ) => {
		const number = s + 1;
		if ( blank( section.title ) ) {
			blockers.push( {
				itemId: section.id,
				sectionId: section.id,
				field: 'title',
				message: sprintf(
					/* translators: %d: section number */
					__( 'Section %d needs a title.', 'courses-copilot' ),
					number
				),
			} );
		} else if ( section.title.trim().length > limits.maxTitleLength ) {
			blockers.push( {
				itemId: section.id,
				sectionId: section.id,
				field: 'title',
				message: tooLong(
					sprintf(
						/* translators: %d: section number */
						__( 'The title of section %d', 'courses-copilot' ),
						number
					),
					section.title.trim().length,
					limits.maxTitleLength
				),
			} );
		}
		if (
			( section.description ?? '' ).length > limits.maxDescriptionLength
		) {
			blockers.push( {
				itemId: section.id,
				sectionId: section.id,
				field: 'description',
				message: tooLong(
					sprintf(
						/* translators: %d: section number */
						__(
							'The description of section %d',
							'courses-copilot'
						),
						number
					),
					( section.description ?? '' ).length,
					limits.maxDescriptionLength
				),
			} );
		}
		if ( section.lessons.length > limits.maxLessonsPerSection ) {
			blockers.push( {
				itemId: section.id,
				sectionId: section.id,
				field: 'lessons',
				message: sprintf(
					/* translators: 1: section number, 2: number of lessons, 3: the most allowed */
					__(
						'Section %1$d has %2$d lessons; the most is %3$d.',
						'courses-copilot'
					),
					number,
					section.lessons.length,
					limits.maxLessonsPerSection
				),
			} );
		}
		section.lessons.forEach( ( lesson, l ) => {
			const lessonNumber = `${ number }.${ l + 1 }`;
			if ( blank( lesson.title ) ) {
				blockers.push( {
					itemId: lesson.id,
					sectionId: section.id,
					field: 'title',
					message: sprintf(
						/* translators: %s: lesson number, e.g. 1.3 */
						__( 'Lesson %s needs a title.', 'courses-copilot' ),
						lessonNumber
					),
				} );
			} else if ( lesson.title.trim().length > limits.maxTitleLength ) {
				blockers.push( {
					itemId: lesson.id,
					sectionId: section.id,
					field: 'title',
					message: tooLong(
						sprintf(
							/* translators: %s: lesson number, e.g. 1.3 */
							__( 'The title of lesson %s', 'courses-copilot' ),
							lessonNumber
						),
						lesson.title.trim().length,
						limits.maxTitleLength
					),
				} );
			}
			if (
				( lesson.content ?? '' ).length > limits.maxLessonContentLength
			) {
				blockers.push( {
					itemId: lesson.id,
					sectionId: section.id,
					field: 'content',
					message: tooLong(
						sprintf(
							/* translators: %s: lesson number, e.g. 1.3 */
							__( 'The draft of lesson %s', 'courses-copilot' ),
							lessonNumber
						),
						( lesson.content ?? '' ).length,
						limits.maxLessonContentLength
					),
				} );
			}
			if (
				( lesson.summary ?? '' ).length > limits.maxDescriptionLength
			) {
				blockers.push( {
					itemId: lesson.id,
					sectionId: section.id,
					field: 'description',
					message: tooLong(
						sprintf(
							/* translators: %s: lesson number, e.g. 1.3 */
							__( 'The summary of lesson %s', 'courses-copilot' ),
							lessonNumber
						),
						( lesson.summary ?? '' ).length,
						limits.maxDescriptionLength
					),
				} );
			}
		} );
	} );
	return blockers;
}
