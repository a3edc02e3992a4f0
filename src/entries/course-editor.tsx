/**
 * Mounts the course editor app: on its admin page, or as a modal from the courses list.
 */
import domReady from '@wordpress/dom-ready';
import { createRoot } from '@wordpress/element';
import {
	CourseEditorApp,
	CourseEditorModalLauncher,
} from '../features/course-editor';

type Surface = { name?: string };

domReady( () => {
	const surface = (
		window as unknown as { mpccConfig?: { surface?: Surface } }
	 ).mpccConfig?.surface;
	if ( surface?.name === 'modal' ) {
		const anchor =
			document.querySelector( '.wrap .page-title-action' ) ??
			document.querySelector( '.wrap .wp-heading-inline' );
		if ( ! anchor ) {
			return;
		}
		const host = document.createElement( 'span' );
		host.className = 'mpcc-create-with-ai-host';
		anchor.after( host );
		createRoot( host ).render( <CourseEditorModalLauncher /> );
		return;
	}
	const root = document.getElementById( 'mpcc-course-editor-root' );
	if ( root ) {
		createRoot( root ).render( <CourseEditorApp mode="page" /> );
	}
} );
