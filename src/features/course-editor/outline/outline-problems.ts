/**
 * What is wrong with each outline item, by section or lesson id: the creation blockers, and a
 * save the site refused (shown on the item it names too; "Not saved: …" in the header says the rest).
 */
import { __, sprintf } from '@wordpress/i18n';
import { describeFieldError, locateField } from '../../../api/field-errors';
import type { CreationBlocker } from '../../../store/creation-rules';
import type { CourseStructure } from '../../../store/types';

/** The creation blockers shown on their items, by section or lesson id. */
function problemsByItem(
	blockers: CreationBlocker[]
): Map< string, string[] > {
	const map = new Map< string, string[] >();
	for ( const blocker of blockers ) {
		if ( blocker.itemId !== null ) {
			map.set( blocker.itemId, [
				...( map.get( blocker.itemId ) ?? [] ),
				blocker.message,
			] );
		}
	}
	return map;
}

/** The section or lesson a refused save's first field error points at. */
function refusedItem(
	structure: CourseStructure | null,
	fields: string[] | undefined
): string | null {
	const path = fields?.[ 0 ]?.split( ': ' )[ 0 ];
	const at = path ? locateField( path ) : null;
	if ( ! structure || ! at || at.sectionIndex === null ) {
		return null;
	}
	const section = structure.sections[ at.sectionIndex ];
	return at.lessonIndex === null
		? ( section?.id ?? null )
		: ( section?.lessons[ at.lessonIndex ]?.id ?? null );
}

export function itemProblems(
	structure: CourseStructure | null,
	blockers: CreationBlocker[],
	refusedFields: string[] | undefined
): Map< string, string[] > {
	const problems = problemsByItem( blockers );
	const refused = refusedItem( structure, refusedFields );
	if ( refused && refusedFields?.[ 0 ] ) {
		problems.set( refused, [
			...( problems.get( refused ) ?? [] ),
			sprintf(
				/* translators: %s: what the site refused, e.g. "The title of lesson 1.2 is too long (the most is 5000 characters)." */
				__( 'Not saved: %s', 'courses-copilot' ),
				describeFieldError( refusedFields[ 0 ] )
			),
		] );
	}
	return problems;
}
