/** Calls `onLeave` when the page is hidden or going away (pagehide, visibilitychange → hidden). */
export function onPageLeave( win: Window, onLeave: () => void ): () => void {
	const doc = win.document;
	const onVisibility = () => {
		if ( doc.visibilityState === 'hidden' ) {
			onLeave();
		}
	};
	win.addEventListener( 'pagehide', onLeave );
	doc.addEventListener( 'visibilitychange', onVisibility );
	return () => {
		win.removeEventListener( 'pagehide', onLeave );
		doc.removeEventListener( 'visibilitychange', onVisibility );
	};
}
