/** How a conversation is named in lists: its stage in words, and when it was last saved. */
import { __ } from '@wordpress/i18n';
import type { ConversationState } from '../../../store/types';

export const STATE_LABELS: Record< ConversationState, () => string > = {
	initial: () => __( 'Just started', 'courses-copilot' ),
	course_structure: () => __( 'Outlining', 'courses-copilot' ),
	content_generation: () => __( 'Writing lessons', 'courses-copilot' ),
	ready_to_create: () => __( 'Ready to create', 'courses-copilot' ),
	created: () => __( 'Course created', 'courses-copilot' ),
};

/** The server's UTC date (MySQL or ISO form) in the reader's locale. */
export function when( date: string ): string {
	const time = Date.parse(
		date.includes( 'T' ) || date.endsWith( 'Z' )
			? date
			: `${ date.replace( ' ', 'T' ) }Z`
	);
	if ( Number.isNaN( time ) ) {
		return date;
	}
	return new Date( time ).toLocaleString( undefined, {
		dateStyle: 'medium',
		timeStyle: 'short',
	} );
}
