/** Names other code and tests rely on (the more-menu item, e2e selectors). */
export const PLUGIN_NAME = 'courses-copilot';
export const SIDEBAR_NAME = 'courses-copilot-assistant';

/** The post types the assistant works on (PHP checks before enqueueing, React before rendering). */
export const SUPPORTED_POST_TYPES = [ 'mpcs-course', 'mpcs-lesson' ] as const;
export type SupportedPostType = ( typeof SUPPORTED_POST_TYPES )[ number ];

export function isSupportedPostType(
	postType: unknown
): postType is SupportedPostType {
	return (
		typeof postType === 'string' &&
		( SUPPORTED_POST_TYPES as readonly string[] ).includes( postType )
	);
}

/** The proxy's limits on the live context (src/schemas/tasks.ts EditorPostContextSchema). */
export const CONTEXT_LIMITS = {
	title: 1000,
	content: 200_000,
	excerpt: 5000,
	selectedBlock: 50_000,
} as const;

/** Blocks that would carry model output as raw HTML: never inserted. */
export const RAW_BLOCK_NAMES: readonly string[] = [
	'core/freeform',
	'core/html',
	'core/missing',
];
