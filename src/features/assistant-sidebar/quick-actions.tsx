/**
 * One-click requests that fit the post type. Each sends a plain message (shown in the conversation
 * like a typed one), so the copilot and its history treat them alike.
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { SupportedPostType } from './constants';

export interface QuickAction {
	id: string;
	label: string;
	message: string;
}

export function quickActionsFor( postType: SupportedPostType ): QuickAction[] {
	if ( postType === 'mpcs-course' ) {
		return [
			{
				id: 'summarize',
				label: __( 'Summarize', 'courses-copilot' ),
				message: __( 'Summarize this course.', 'courses-copilot' ),
			},
			{
				id: 'next-lesson',
				label: __( 'Suggest the next lesson', 'courses-copilot' ),
				message: __(
					'Suggest the next lesson for this course.',
					'courses-copilot'
				),
			},
			{
				id: 'objectives',
				label: __( 'Write learning objectives', 'courses-copilot' ),
				message: __(
					'Write learning objectives for this course.',
					'courses-copilot'
				),
			},
		];
	}
	return [
		{
			id: 'improve',
			label: __( 'Improve this lesson', 'courses-copilot' ),
			message: __(
				'Improve this lesson: make the selected block (or the opening) clearer and tighter.',
				'courses-copilot'
			),
		},
		{
			id: 'summarize',
			label: __( 'Summarize', 'courses-copilot' ),
			message: __( 'Summarize this lesson.', 'courses-copilot' ),
		},
		{
			id: 'objectives',
			label: __( 'Write learning objectives', 'courses-copilot' ),
			message: __(
				'Write learning objectives for this lesson.',
				'courses-copilot'
			),
		},
		{
			id: 'outline',
			label: __( 'Outline from title', 'courses-copilot' ),
			message: __(
				'Outline this lesson from its title.',
				'courses-copilot'
			),
		},
	];
}

export function QuickActions( {
	postType,
	onSend,
	disabled = false,
}: {
	postType: SupportedPostType;
	onSend: ( message: string ) => void;
	disabled?: boolean;
} ) {
	const actions = quickActionsFor( postType );
	return (
		<div
			className="mpcc-assistant__quick"
			role="group"
			aria-label={ __( 'Quick actions', 'courses-copilot' ) }
		>
			{ actions.map( ( action ) => (
				<Button
					key={ action.id }
					variant="secondary"
					size="compact"
					className="mpcc-assistant__quick-action"
					disabled={ disabled }
					onClick={ () => onSend( action.message ) }
				>
					{ action.label }
				</Button>
			) ) }
		</div>
	);
}
