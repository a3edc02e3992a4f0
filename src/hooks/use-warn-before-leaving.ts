import { useEffect } from '@wordpress/element';

/**
 * While `active`, leaving or reloading the page asks first (the browser's own "Leave site?"), as
 * the block editor does for an unsaved post. For work that lives only in this page.
 */
export function useWarnBeforeLeaving( active: boolean ): void {
	useEffect( () => {
		if ( ! active ) {
			return;
		}
		const warn = ( event: BeforeUnloadEvent ) => {
			event.preventDefault();
			// Chromium before 119 and Safari ask only when returnValue is set.
			event.returnValue = '';
		};
		window.addEventListener( 'beforeunload', warn );
		return () => window.removeEventListener( 'beforeunload', warn );
	}, [ active ] );
}
