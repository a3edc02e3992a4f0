/** Local edits of the outline and its view state: plain actions, each one undo step (typing coalesces). */
import { generateId } from '../structure';
import type { Lesson, Section } from '../types';
import type { ActionOf } from './shared';

export function setSessionTitle(
	title: string
): ActionOf< 'SET_SESSION_TITLE' > {
	return { type: 'SET_SESSION_TITLE', title };
}
export function setCourseTitle(
	title: string
): ActionOf< 'SET_COURSE_FIELD' > {
	return { type: 'SET_COURSE_FIELD', field: 'title', value: title };
}
export function setCourseDescription(
	description: string
): ActionOf< 'SET_COURSE_FIELD' > {
	return {
		type: 'SET_COURSE_FIELD',
		field: 'description',
		value: description,
	};
}
/** Adds a section (id generated here: read it from the returned action's `section.id`). */
export function addSection(
	section: Partial< Omit< Section, 'lessons' > > & {
		lessons?: Lesson[];
	} = {},
	index?: number
): ActionOf< 'ADD_SECTION' > {
	return {
		type: 'ADD_SECTION',
		section: {
			...section,
			id: section.id ?? generateId( 's' ),
			title: section.title ?? '',
			lessons: section.lessons ?? [],
		},
		index,
	};
}
export function updateSection(
	id: string,
	changes: Partial< Pick< Section, 'title' | 'description' > >
): ActionOf< 'UPDATE_SECTION' > {
	return { type: 'UPDATE_SECTION', id, changes };
}
export function renameSection(
	id: string,
	title: string
): ActionOf< 'UPDATE_SECTION' > {
	return updateSection( id, { title } );
}
export function moveSection(
	id: string,
	toIndex: number
): ActionOf< 'MOVE_SECTION' > {
	return { type: 'MOVE_SECTION', id, toIndex };
}
export function deleteSection( id: string ): ActionOf< 'DELETE_SECTION' > {
	return { type: 'DELETE_SECTION', id };
}
/** Adds a lesson to a section (id generated here: read it from the returned action's `lesson.id`). */
export function addLesson(
	sectionId: string,
	lesson: Partial< Lesson > = {},
	index?: number
): ActionOf< 'ADD_LESSON' > {
	return {
		type: 'ADD_LESSON',
		sectionId,
		lesson: {
			...lesson,
			id: lesson.id ?? generateId( 'l' ),
			title: lesson.title ?? '',
		},
		index,
	};
}
export function updateLesson(
	id: string,
	changes: Partial< Omit< Lesson, 'id' > >
): ActionOf< 'UPDATE_LESSON' > {
	return { type: 'UPDATE_LESSON', id, changes };
}
export function renameLesson(
	id: string,
	title: string
): ActionOf< 'UPDATE_LESSON' > {
	return updateLesson( id, { title } );
}
export function moveLesson(
	id: string,
	toSectionId: string,
	toIndex: number
): ActionOf< 'MOVE_LESSON' > {
	return { type: 'MOVE_LESSON', id, toSectionId, toIndex };
}
export function deleteLesson( id: string ): ActionOf< 'DELETE_LESSON' > {
	return { type: 'DELETE_LESSON', id };
}
export function undo(): ActionOf< 'UNDO' > {
	return { type: 'UNDO' };
}
export function redo(): ActionOf< 'REDO' > {
	return { type: 'REDO' };
}

/* View state (auto-saved with the session, never makes it dirty). */

export function toggleSection(
	id: string,
	expanded?: boolean
): ActionOf< 'TOGGLE_SECTION' > {
	return { type: 'TOGGLE_SECTION', id, expanded };
}
export function setActiveLesson(
	id: string | null
): ActionOf< 'SET_ACTIVE_LESSON' > {
	return { type: 'SET_ACTIVE_LESSON', id };
}
