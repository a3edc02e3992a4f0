/**
 * Merging a structure from the AI into the local one without losing the user's own edits.
 *
 * THE RULE. The AI's structure wins for everything the server had already saved when the AI
 * answered (the store saves before it sends a message, so the AI saw those edits). Edits the
 * server has not saved yet — typically those made while the reply was streaming — are kept,
 * matched by id:
 *  - a renamed/re-described section or lesson keeps the user's fields (`marks[id].fields`);
 *  - an item the user deleted stays deleted, even if the AI returns it;
 *  - an item the user added or moved stays where the user put it: after the nearest preceding
 *    sibling that still exists (first if none); a lesson whose section the AI dropped brings
 *    that section back;
 *  - lesson content the AI does not send (structure replies carry none) is kept by lesson id.
 * Marks are cleared once a save that included them succeeds.
 */
import { ensureIds } from './structure';
import type { CourseStructure, EditMark, Lesson, Section } from './types';

export const COURSE_MARK = 'course';

function applyFields< T extends object >(
	target: T,
	source: T | undefined,
	mark: EditMark | undefined
): T {
	if ( ! source || ! mark || mark.fields.length === 0 ) {
		return target;
	}
	const next = { ...target } as Record< string, unknown >;
	for ( const field of mark.fields ) {
		const value = ( source as Record< string, unknown > )[ field ];
		if ( value === undefined ) {
			delete next[ field ];
		} else {
			next[ field ] = value;
		}
	}
	return next as T;
}

function indexLocal( local: CourseStructure ) {
	const sections = new Map< string, { section: Section; index: number } >();
	const lessons = new Map<
		string,
		{ lesson: Lesson; sectionId: string; index: number }
	>();
	local.sections.forEach( ( section, index ) => {
		sections.set( section.id, { section, index } );
		section.lessons.forEach( ( lesson, lessonIndex ) =>
			lessons.set( lesson.id, {
				lesson,
				sectionId: section.id,
				index: lessonIndex,
			} )
		);
	} );
	return { sections, lessons };
}

/** Position just after the nearest preceding sibling (in `localOrder`) present in `ids`. */
function insertionIndex(
	localOrder: string[],
	id: string,
	ids: string[]
): number {
	const at = localOrder.indexOf( id );
	for ( let i = at - 1; i >= 0; i-- ) {
		const found = ids.indexOf( localOrder[ i ] as string );
		if ( found !== -1 ) {
			return found + 1;
		}
	}
	return 0;
}

export function mergeStructure(
	local: CourseStructure | null,
	incomingRaw: CourseStructure,
	marks: Record< string, EditMark >
): CourseStructure {
	const incoming = ensureIds( incomingRaw );
	if ( ! local ) {
		return incoming;
	}
	const { sections: localSections, lessons: localLessons } =
		indexLocal( local );
	// Deleted by the user and not restored (undo) since.
	const isDeleted = ( id: string ) =>
		marks[ id ]?.deleted === true &&
		! localSections.has( id ) &&
		! localLessons.has( id );

	const mergeLesson = ( lesson: Lesson ): Lesson => {
		const mine = localLessons.get( lesson.id )?.lesson;
		let next = applyFields( lesson, mine, marks[ lesson.id ] );
		if ( mine?.content !== undefined && next.content === undefined ) {
			next = { ...next, content: mine.content };
		}
		return next;
	};

	let sections: Section[] = incoming.sections
		.filter( ( section ) => ! isDeleted( section.id ) )
		.map( ( section ) => {
			const merged = applyFields(
				section,
				localSections.get( section.id )?.section,
				marks[ section.id ]
			);
			return {
				...merged,
				lessons: section.lessons
					.filter( ( l ) => ! isDeleted( l.id ) )
					.map( mergeLesson ),
			};
		} );

	// Sections the user added or moved.
	const localSectionOrder = local.sections.map( ( s ) => s.id );
	for ( const localSection of local.sections ) {
		if ( ! marks[ localSection.id ]?.place ) {
			continue;
		}
		const existing = sections.find( ( s ) => s.id === localSection.id );
		sections = sections.filter( ( s ) => s.id !== localSection.id );
		const section: Section = existing ?? {
			...localSection,
			lessons: localSection.lessons.filter(
				( l ) => ! isDeleted( l.id )
			),
		};
		const at = insertionIndex(
			localSectionOrder,
			localSection.id,
			sections.map( ( s ) => s.id )
		);
		sections.splice( at, 0, section );
	}

	// Lessons the user added or moved.
	for ( const [ lessonId, { lesson, sectionId } ] of localLessons ) {
		if ( ! marks[ lessonId ]?.place || isDeleted( lessonId ) ) {
			continue;
		}
		const current = sections
			.flatMap( ( s ) => s.lessons )
			.find( ( l ) => l.id === lessonId );
		sections = sections.map( ( s ) =>
			s.lessons.some( ( l ) => l.id === lessonId )
				? {
						...s,
						lessons: s.lessons.filter( ( l ) => l.id !== lessonId ),
					}
				: s
		);
		let target = sections.findIndex( ( s ) => s.id === sectionId );
		if ( target === -1 ) {
			const parent = localSections.get( sectionId )?.section as Section;
			const at = insertionIndex(
				localSectionOrder,
				sectionId,
				sections.map( ( s ) => s.id )
			);
			sections.splice( at, 0, { ...parent, lessons: [] } );
			target = at;
		}
		const section = sections[ target ] as Section;
		const localOrder = (
			localSections.get( sectionId )?.section.lessons ?? []
		).map( ( l ) => l.id );
		const at = insertionIndex(
			localOrder,
			lessonId,
			section.lessons.map( ( l ) => l.id )
		);
		const lessons = section.lessons.slice();
		lessons.splice( at, 0, current ? mergeLesson( current ) : lesson );
		sections[ target ] = { ...section, lessons };
	}

	const course = applyFields(
		{ title: incoming.title, description: incoming.description },
		{ title: local.title, description: local.description },
		marks[ COURSE_MARK ]
	);
	return { ...incoming, ...course, sections };
}
