import { useDispatch, useRegistry } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';
import { store as sessionStore } from '../../../store';

/**
 * Outline edits that need the current structure to decide (moving across sections), each
 * returning a sentence for the outline's live region.
 */
export function useOutlineActions( announce: ( message: string ) => void ) {
	const registry = useRegistry();
	const actions = useDispatch( sessionStore );
	const select = () => registry.select( sessionStore );

	const position = ( index: number, total: number ) =>
		sprintf(
			/* translators: 1: position, 2: number of items */
			__( 'position %1$d of %2$d', 'courses-copilot' ),
			index + 1,
			total
		);

	const moveSectionBy = ( id: string, delta: number ) => {
		const sections = select().getSections();
		const from = sections.findIndex( ( s ) => s.id === id );
		const to = from + delta;
		if ( from === -1 || to < 0 || to >= sections.length ) {
			announce(
				__( 'The section cannot move further.', 'courses-copilot' )
			);
			return;
		}
		actions.moveSection( id, to );
		announce(
			sprintf(
				/* translators: 1: section title, 2: "position 2 of 4" */
				__( 'Moved section “%1$s” to %2$s.', 'courses-copilot' ),
				sections[ from ]?.title ?? '',
				position( to, sections.length )
			)
		);
	};

	const moveLessonBy = ( id: string, delta: number ) => {
		const sections = select().getSections();
		const sectionIndex = sections.findIndex( ( s ) =>
			s.lessons.some( ( l ) => l.id === id )
		);
		const section = sections[ sectionIndex ];
		if ( ! section ) {
			return;
		}
		const index = section.lessons.findIndex( ( l ) => l.id === id );
		const title = section.lessons[ index ]?.title ?? '';
		const to = index + delta;
		if ( to >= 0 && to < section.lessons.length ) {
			actions.moveLesson( id, section.id, to );
			announce(
				sprintf(
					/* translators: 1: lesson title, 2: "position 2 of 4" */
					__( 'Moved lesson “%1$s” to %2$s.', 'courses-copilot' ),
					title,
					position( to, section.lessons.length )
				)
			);
			return;
		}
		// Past the edge of its section: into the neighbouring one.
		const neighbour = sections[ sectionIndex + ( delta < 0 ? -1 : 1 ) ];
		if ( ! neighbour ) {
			announce(
				__( 'The lesson cannot move further.', 'courses-copilot' )
			);
			return;
		}
		actions.moveLesson(
			id,
			neighbour.id,
			delta < 0 ? neighbour.lessons.length : 0
		);
		actions.toggleSection( neighbour.id, true );
		announce(
			sprintf(
				/* translators: 1: lesson title, 2: section title */
				__(
					'Moved lesson “%1$s” to section “%2$s”.',
					'courses-copilot'
				),
				title,
				neighbour.title
			)
		);
	};

	return { ...actions, moveSectionBy, moveLessonBy };
}
