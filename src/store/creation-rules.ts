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

type Field = CreationBlocker[ 'field' ];

export function creationBlockers(
	structure: CourseStructure | null
): CreationBlocker[] {
	if ( ! structure ) {
		return [];
	}
	const blockers: CreationBlocker[] = [];
	const limits = COURSE_LIMITS;
	/** The blockers of one item (the course: null ids). */
	const on = ( itemId: string | null, sectionId: string | null ) => {
		const add = ( field: Field, message: string ) =>
			blockers.push( { itemId, sectionId, field, message } );
		/** `text` past `most` characters; `what` names it ("The title of lesson 1.3"). */
		const length = (
			field: Field,
			text: string,
			most: number,
			what: string
		) => {
			if ( text.length > most ) {
				add( field, tooLong( what, text.length, most ) );
			}
		};
		/** A title: required (after trim), then its length. */
		const title = ( text: string, missing: string, what: string ) => {
			if ( blank( text ) ) {
				add( 'title', missing );
			} else {
				length( 'title', text.trim(), limits.maxTitleLength, what );
			}
		};
		return { add, length, title };
	};

	const course = on( null, null );
	course.title(
		structure.title,
		__( 'The course needs a title.', 'courses-copilot' ),
		__( 'The course title', 'courses-copilot' )
	);
	course.length(
		'description',
		structure.description,
		limits.maxDescriptionLength,
		__( 'The course description', 'courses-copilot' )
	);
	const sections = structure.sections;
	if ( sections.length === 0 ) {
		course.add(
			'sections',
			__( 'Add a section with at least one lesson.', 'courses-copilot' )
		);
		return blockers;
	}
	if ( sections.length > limits.maxSections ) {
		course.add(
			'sections',
			sprintf(
				/* translators: 1: number of sections, 2: the most allowed */
				__(
					'The course has %1$d sections; the most is %2$d.',
					'courses-copilot'
				),
				sections.length,
				limits.maxSections
			)
		);
	}
	if ( sections.every( ( section ) => section.lessons.length === 0 ) ) {
		course.add(
			'lessons',
			__( 'Add at least one lesson.', 'courses-copilot' )
		);
	}
	sections.forEach( ( section, s ) => {
		const number = s + 1;
		const item = on( section.id, section.id );
		item.title(
			section.title,
			sprintf(
				/* translators: %d: section number */
				__( 'Section %d needs a title.', 'courses-copilot' ),
				number
			),
			sprintf(
				/* translators: %d: section number */
				__( 'The title of section %d', 'courses-copilot' ),
				number
			)
		);
		item.length(
			'description',
			section.description ?? '',
			limits.maxDescriptionLength,
			sprintf(
				/* translators: %d: section number */
				__( 'The description of section %d', 'courses-copilot' ),
				number
			)
		);
		if ( section.lessons.length > limits.maxLessonsPerSection ) {
			item.add(
				'lessons',
				sprintf(
					/* translators: 1: section number, 2: number of lessons, 3: the most allowed */
					__(
						'Section %1$d has %2$d lessons; the most is %3$d.',
						'courses-copilot'
					),
					number,
					section.lessons.length,
					limits.maxLessonsPerSection
				)
			);
		}
		section.lessons.forEach( ( lesson, l ) => {
			const lessonNumber = `${ number }.${ l + 1 }`;
			const one = on( lesson.id, section.id );
			one.title(
				lesson.title,
				sprintf(
					/* translators: %s: lesson number, e.g. 1.3 */
					__( 'Lesson %s needs a title.', 'courses-copilot' ),
					lessonNumber
				),
				sprintf(
					/* translators: %s: lesson number, e.g. 1.3 */
					__( 'The title of lesson %s', 'courses-copilot' ),
					lessonNumber
				)
			);
			one.length(
				'content',
				lesson.content ?? '',
				limits.maxLessonContentLength,
				sprintf(
					/* translators: %s: lesson number, e.g. 1.3 */
					__( 'The draft of lesson %s', 'courses-copilot' ),
					lessonNumber
				)
			);
			one.length(
				'description',
				lesson.summary ?? '',
				limits.maxDescriptionLength,
				sprintf(
					/* translators: %s: lesson number, e.g. 1.3 */
					__( 'The summary of lesson %s', 'courses-copilot' ),
					lessonNumber
				)
			);
		} );
	} );
	return blockers;
}
