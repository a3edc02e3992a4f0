/** What one local edit does to the outline: the new structure, its undo key and the edit mark it leaves. */
import * as ops from '../structure';
import { COURSE_MARK } from '../merge';
import type { Action, CourseStructure, EditMark, MarkField } from '../types';

export /** The edit's effect on the structure, its undo-coalescing key, and the mark it leaves. */
function applyEdit(
	present: CourseStructure,
	action: Action
): {
	next: CourseStructure;
	key: string | null;
	markId: string;
	mark: Omit< EditMark, 'seq' >;
} | null {
	switch ( action.type ) {
		case 'SET_COURSE_FIELD':
			return {
				next: ops.setCourseField( present, action.field, action.value ),
				key: `course:${ action.field }`,
				markId: COURSE_MARK,
				mark: { fields: [ action.field ] },
			};
		case 'ADD_SECTION':
			return {
				next: ops.addSection( present, action.section, action.index ),
				key: null,
				markId: action.section.id,
				mark: { fields: [], place: true },
			};
		case 'UPDATE_SECTION': {
			const fields = Object.keys( action.changes ).sort() as MarkField[];
			return {
				next: ops.updateSection( present, action.id, action.changes ),
				key: `section:${ action.id }:${ fields.join() }`,
				markId: action.id,
				mark: { fields },
			};
		}
		case 'MOVE_SECTION':
			return {
				next: ops.moveSection( present, action.id, action.toIndex ),
				key: null,
				markId: action.id,
				mark: { fields: [], place: true },
			};
		case 'DELETE_SECTION':
			return {
				next: ops.deleteSection( present, action.id ),
				key: null,
				markId: action.id,
				mark: { fields: [], deleted: true },
			};
		case 'ADD_LESSON':
			return {
				next: ops.addLesson(
					present,
					action.sectionId,
					action.lesson,
					action.index
				),
				key: null,
				markId: action.lesson.id,
				mark: { fields: [], place: true },
			};
		case 'UPDATE_LESSON': {
			const fields = Object.keys( action.changes ).sort() as MarkField[];
			return {
				next: ops.updateLesson( present, action.id, action.changes ),
				key: `lesson:${ action.id }:${ fields.join() }`,
				markId: action.id,
				mark: { fields },
			};
		}
		case 'MOVE_LESSON':
			return {
				next: ops.moveLesson(
					present,
					action.id,
					action.toSectionId,
					action.toIndex
				),
				key: null,
				markId: action.id,
				mark: { fields: [], place: true },
			};
		case 'DELETE_LESSON':
			return {
				next: ops.deleteLesson( present, action.id ),
				key: null,
				markId: action.id,
				mark: { fields: [], deleted: true },
			};
	}
	return null;
}

export function mergeMark(
	previous: EditMark | undefined,
	mark: Omit< EditMark, 'seq' >,
	seq: number
): EditMark {
	const fields = Array.from(
		new Set( [ ...( previous?.fields ?? [] ), ...mark.fields ] )
	);
	const next: EditMark = { seq, fields };
	if ( mark.place || previous?.place ) {
		next.place = true;
	}
	if ( mark.deleted ) {
		next.deleted = true;
	}
	return next;
}
