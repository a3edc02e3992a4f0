/**
 * Registers the Quiz AI modal in the quiz editor.
 */
import { registerPlugin } from '@wordpress/plugins';

registerPlugin( 'courses-copilot-quiz', {
	render: () => null,
} );
