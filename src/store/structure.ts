/**
 * Pure, immutable edits of a course structure, used by the reducer. Each returns the same
 * object when nothing changes, so selectors and history see no change.
 */
import type { CourseStructure, Lesson, Section } from './types';

let counter = 0;

/** Client-side ids for user-added items: unique, and recognisably not the server's. */
export function generateId( prefix: 's' | 'l' ): string {
	counter += 1;
	const random =
		typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
			? crypto.randomUUID().slice( 0, 8 )
			: Math.random().toString( 36 ).slice( 2, 10 );
	return `${ prefix }-${ random }${ counter.toString( 36 ) }`;
}

export const EMPTY_STRUCTURE: CourseStructure = Object.freeze( {
	title: '',
	description: '',
	sections: [],
} ) as CourseStructure;

function clampIndex( index: number | undefined, length: number ): number {
	if ( index === undefined || ! Number.isFinite( index ) ) {
		return length;
	}
	return Math.max( 0, Math.min( length, Math.trunc( index ) ) );
}

function insertAt< T >( list: T[], item: T, index?: number ): T[] {
	const next = list.slice();
	next.splice( clampIndex( index, list.length ), 0, item );
	return next;
}

export function findLesson(
	structure: CourseStructure | null,
	lessonId: string
): {
	section: Section;
	sectionIndex: number;
	lesson: Lesson;
	index: number;
} | null {
	if ( ! structure ) {
		return null;
	}
	for ( let s = 0; s < structure.sections.length; s++ ) {
		const section = structure.sections[ s ] as Section;
		const index = section.lessons.findIndex( ( l ) => l.id === lessonId );
		if ( index !== -1 ) {
			return {
				section,
				sectionIndex: s,
				lesson: section.lessons[ index ] as Lesson,
				index,
			};
		}
	}
	return null;
}

function mapSection(
	structure: CourseStructure,
	id: string,
	fn: ( section: Section ) => Section
): CourseStructure {
	let changed = false;
	const sections = structure.sections.map( ( section ) => {
		if ( section.id !== id ) {
			return section;
		}
		const next = fn( section );
		changed = changed || next !== section;
		return next;
	} );
	return changed ? { ...structure, sections } : structure;
}

function shallowChanged< T extends object >(
	item: T,
	changes: Partial< T >
): boolean {
	return ( Object.keys( changes ) as Array< keyof T > ).some(
		( key ) => item[ key ] !== changes[ key ]
	);
}

export function setCourseField(
	structure: CourseStructure,
	field: 'title' | 'description',
	value: string
): CourseStructure {
	return structure[ field ] === value
		? structure
		: { ...structure, [ field ]: value };
}

export function addSection(
	structure: CourseStructure,
	section: Section,
	index?: number
): CourseStructure {
	if ( structure.sections.some( ( s ) => s.id === section.id ) ) {
		return structure;
	}
	return {
		...structure,
		sections: insertAt( structure.sections, section, index ),
	};
}

export function updateSection(
	structure: CourseStructure,
	id: string,
	changes: Partial< Pick< Section, 'title' | 'description' > >
): CourseStructure {
	return mapSection( structure, id, ( section ) =>
		shallowChanged( section, changes )
			? { ...section, ...changes }
			: section
	);
}

export function moveSection(
	structure: CourseStructure,
	id: string,
	toIndex: number
): CourseStructure {
	const from = structure.sections.findIndex( ( s ) => s.id === id );
	if ( from === -1 ) {
		return structure;
	}
	const sections = structure.sections.slice();
	// eslint-disable-next-line @wordpress/no-unused-vars-before-return -- order matters (mutates / claims ids)
	const [ section ] = sections.splice( from, 1 );
	const to = clampIndex( toIndex, sections.length );
	if ( to === from ) {
		return structure;
	}
	sections.splice( to, 0, section as Section );
	return { ...structure, sections };
}

export function deleteSection(
	structure: CourseStructure,
	id: string
): CourseStructure {
	const sections = structure.sections.filter( ( s ) => s.id !== id );
	return sections.length === structure.sections.length
		? structure
		: { ...structure, sections };
}

export function addLesson(
	structure: CourseStructure,
	sectionId: string,
	lesson: Lesson,
	index?: number
): CourseStructure {
	if ( findLesson( structure, lesson.id ) ) {
		return structure;
	}
	return mapSection( structure, sectionId, ( section ) => ( {
		...section,
		lessons: insertAt( section.lessons, lesson, index ),
	} ) );
}

export function updateLesson(
	structure: CourseStructure,
	id: string,
	changes: Partial< Omit< Lesson, 'id' > >
): CourseStructure {
	const found = findLesson( structure, id );
	if ( ! found || ! shallowChanged( found.lesson, changes ) ) {
		return structure;
	}
	return mapSection( structure, found.section.id, ( section ) => ( {
		...section,
		lessons: section.lessons.map( ( l ) =>
			l.id === id ? { ...l, ...changes } : l
		),
	} ) );
}

export function moveLesson(
	structure: CourseStructure,
	id: string,
	toSectionId: string,
	toIndex: number
): CourseStructure {
	const found = findLesson( structure, id );
	if (
		! found ||
		! structure.sections.some( ( s ) => s.id === toSectionId )
	) {
		return structure;
	}
	if ( found.section.id === toSectionId ) {
		const lessons = found.section.lessons.slice();
		lessons.splice( found.index, 1 );
		const to = clampIndex( toIndex, lessons.length );
		if ( to === found.index ) {
			return structure;
		}
		lessons.splice( to, 0, found.lesson );
		return mapSection( structure, toSectionId, ( section ) => ( {
			...section,
			lessons,
		} ) );
	}
	const removed = mapSection( structure, found.section.id, ( section ) => ( {
		...section,
		lessons: section.lessons.filter( ( l ) => l.id !== id ),
	} ) );
	return mapSection( removed, toSectionId, ( section ) => ( {
		...section,
		lessons: insertAt( section.lessons, found.lesson, toIndex ),
	} ) );
}

export function deleteLesson(
	structure: CourseStructure,
	id: string
): CourseStructure {
	const found = findLesson( structure, id );
	if ( ! found ) {
		return structure;
	}
	return mapSection( structure, found.section.id, ( section ) => ( {
		...section,
		lessons: section.lessons.filter( ( l ) => l.id !== id ),
	} ) );
}

/**
 * Gives every section and lesson a non-empty id, unique in the structure (the AI may repeat or
 * drop ids). Returns the same object when all ids are already fine.
 */
export function ensureIds( structure: CourseStructure ): CourseStructure {
	const seen = new Set< string >();
	let changed = false;
	const take = ( id: unknown, prefix: 's' | 'l' ): string => {
		if ( typeof id === 'string' && id !== '' && ! seen.has( id ) ) {
			seen.add( id );
			return id;
		}
		changed = true;
		const fresh = generateId( prefix );
		seen.add( fresh );
		return fresh;
	};
	// eslint-disable-next-line @wordpress/no-unused-vars-before-return -- `take` claims ids as it goes
	const sections = ( structure.sections ?? [] ).map( ( section ) => {
		const id = take( section.id, 's' );
		const lessons = ( section.lessons ?? [] ).map( ( lesson ) => {
			const lessonId = take( lesson.id, 'l' );
			return lessonId === lesson.id
				? lesson
				: { ...lesson, id: lessonId };
		} );
		return id === section.id &&
			lessons.every( ( l, i ) => l === section.lessons?.[ i ] ) &&
			section.lessons
			? section
			: { ...section, id, lessons };
	} );
	if ( ! changed && structure.sections ) {
		return structure;
	}
	return {
		...structure,
		title: structure.title ?? '',
		description: structure.description ?? '',
		sections,
	};
}
