import { __ } from '@wordpress/i18n';

export const examplePrompts = (): string[] => [
	__( 'A beginner course on sourdough baking at home', 'courses-copilot' ),
	__(
		'Teach small business owners email marketing in four weeks',
		'courses-copilot'
	),
	__(
		'An introduction to Python programming for data analysis',
		'courses-copilot'
	),
];

/** The URL parameter that keeps the open conversation across reloads (page mode). */
export const SESSION_PARAM = 'session';
