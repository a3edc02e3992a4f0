/**
 * window.mpccConfig as the plugin's PHP prints it on every page (nonces, a demo provider), with a
 * test's own fields over it: the one place tests describe the page, whichever surface they test.
 */
export function setPageConfig( fields: Record< string, unknown > = {} ): void {
	( window as unknown as { mpccConfig: unknown } ).mpccConfig = {
		ajaxUrl: '/wp-admin/admin-ajax.php',
		nonces: {
			editor: 'n-editor',
			autoSave: 'n-autosave',
			assistant: 'n-assistant',
			quiz: 'n-quiz',
		},
		userId: 7,
		postTypes: {},
		provider: { name: 'demo', model: 'demo', demo: true },
		...fields,
	};
}
