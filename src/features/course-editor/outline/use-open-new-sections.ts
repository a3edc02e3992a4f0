import { useEffect, useRef } from '@wordpress/element';
import type { Section } from '../../../store/types';

/**
 * Sections that appear (from the AI or "Add section") open; on first show, all open unless the
 * author's expanded sections were restored.
 */
export function useOpenNewSections(
	sections: Section[] | undefined,
	expanded: string[],
	open: ( id: string ) => void
): void {
	const known = useRef< Set< string > | null >( null );
	useEffect( () => {
		if ( ! sections ) {
			return;
		}
		const first = known.current === null;
		const seen = known.current ?? new Set< string >();
		for ( const section of sections ) {
			if ( ! seen.has( section.id ) ) {
				seen.add( section.id );
				if ( ! first || expanded.length === 0 ) {
					open( section.id );
				}
			}
		}
		known.current = seen;
	}, [ sections ] ); // eslint-disable-line react-hooks/exhaustive-deps
}
