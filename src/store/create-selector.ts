import type { State } from './types';

/**
 * Memoized selector on its dependants. WordPress 6.5's wp.data has no `createSelector` (6.6 has),
 * and these selectors take only the state, so a one-entry memo does what rememo would.
 */
export function createSelector< R >(
	selector: ( state: State ) => R,
	getDependants: ( state: State ) => unknown[]
): ( state: State ) => R {
	let dependants: unknown[] | null = null;
	let result: R;
	return ( state: State ): R => {
		const next = getDependants( state );
		if (
			dependants &&
			next.length === dependants.length &&
			next.every( ( value, index ) => value === dependants?.[ index ] )
		) {
			return result;
		}
		dependants = next;
		result = selector( state );
		return result;
	};
}
