/**
 * Quiz options must differ from each other. The rule lives here without zod so the browser bundles
 * (the modal, the question blocks) can run it without carrying the schema library; QuizQuestionSchema
 * and the PHP validator (QuizShape::repeated_option_indexes) apply the same comparison.
 */

/** How options compare for uniqueness: "F-number " and "f-number" are the same option to a learner. */
export function optionKey( option: string ): string {
	return option.trim().toLowerCase();
}

/** The indexes of options that repeat an earlier one (trimmed, case-insensitive). */
export function repeatedOptionIndexes( options: readonly string[] ): number[] {
	const seen = new Set< string >();
	const repeated: number[] = [];
	options.forEach( ( option, index ) => {
		const key = optionKey( option );
		if ( key && seen.has( key ) ) {
			repeated.push( index );
		}
		seen.add( key );
	} );
	return repeated;
}
