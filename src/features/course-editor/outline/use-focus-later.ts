import { useEffect, useState } from '@wordpress/element';

/** Focuses the element with the given id after the next render (once it exists). */
export function useFocusLater(): ( id: string ) => void {
	const [ target, setTarget ] = useState< string | null >( null );
	useEffect( () => {
		if ( target ) {
			document.getElementById( target )?.focus();
			setTarget( null );
		}
	}, [ target ] );
	return setTarget;
}
