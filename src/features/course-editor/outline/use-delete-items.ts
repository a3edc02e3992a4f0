import { __, sprintf } from '@wordpress/i18n';
import type { useOutlineActions } from './use-outline-actions';
import type { CourseStructure, Lesson, Section } from '../../../store/types';

export const ADD_SECTION_ID = 'mpcc-add-section';

/**
 * Deleting a lesson or section, said in the live region; focus goes where the author is working,
 * not to <body>: the next item, the previous, or the "Add" button.
 */
export function useDeleteItems(
	structure: CourseStructure | null,
	actions: ReturnType< typeof useOutlineActions >,
	announce: ( message: string ) => void,
	focusLater: ( id: string ) => void
) {
	const sections = structure?.sections ?? [];
	const deleteLesson = ( lesson: Lesson ) => {
		const section = sections.find( ( s ) =>
			s.lessons.some( ( l ) => l.id === lesson.id )
		);
		const lessons = section?.lessons ?? [];
		const at = lessons.findIndex( ( l ) => l.id === lesson.id );
		const neighbour = lessons[ at + 1 ] ?? lessons[ at - 1 ];
		focusLater(
			neighbour
				? `mpcc-lesson-${ neighbour.id }`
				: `mpcc-section-${ section?.id }-add-lesson`
		);
		actions.deleteLesson( lesson.id );
		announce(
			sprintf(
				/* translators: %s: lesson title */
				__(
					'Deleted lesson “%s”. Undo is available.',
					'courses-copilot'
				),
				lesson.title
			)
		);
	};
	const deleteSection = ( section: Section ) => {
		const at = sections.findIndex( ( s ) => s.id === section.id );
		const neighbour = sections[ at + 1 ] ?? sections[ at - 1 ];
		actions.deleteSection( section.id );
		focusLater(
			neighbour ? `mpcc-section-${ neighbour.id }` : ADD_SECTION_ID
		);
		announce(
			sprintf(
				/* translators: %s: section title */
				__(
					'Deleted section “%s”. Undo is available.',
					'courses-copilot'
				),
				section.title
			)
		);
	};
	return { deleteLesson, deleteSection };
}
