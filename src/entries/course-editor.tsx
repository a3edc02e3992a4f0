/**
 * Mounts the course editor app: on its admin page, or as a modal from the courses list.
 */
import domReady from '@wordpress/dom-ready';
import { createRoot } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

domReady( () => {
	const root = document.getElementById( 'mpcc-course-editor-root' );
	if ( root ) {
		createRoot( root ).render(
			<h2>{ __( 'Courses Copilot', 'courses-copilot' ) }</h2>
		);
	}
} );
