import type { AjaxAction } from './types';

/**
 * `window.mpccConfig`, printed once per page by the PHP bridge (docs/contracts.md "Browser config").
 * Read lazily (never at import time) so tests and late-printed configs both work.
 */
export interface MpccConfig {
	ajaxUrl: string;
	nonces: {
		editor: string;
		autoSave: string;
		assistant: string;
		quiz: string;
	};
	/** The nonce each action checks, from the bridge's action table (php-bridge/Ajax/ActionRegistry.php). */
	actionNonces: Partial< Record< AjaxAction, string > >;
	userId: number;
	postTypes: unknown;
	provider: { name: string; model: string; demo: boolean };
}

export type NonceKey = keyof MpccConfig[ 'nonces' ];

const FALLBACK: MpccConfig = {
	ajaxUrl: '/wp-admin/admin-ajax.php',
	nonces: { editor: '', autoSave: '', assistant: '', quiz: '' },
	actionNonces: {},
	userId: 0,
	postTypes: {},
	provider: { name: 'unknown', model: '', demo: false },
};

export function getConfig(): MpccConfig {
	const config =
		typeof window === 'undefined'
			? undefined
			: ( window as unknown as { mpccConfig?: Partial< MpccConfig > } )
					.mpccConfig;
	if ( ! config ) {
		return FALLBACK;
	}
	return {
		...FALLBACK,
		...config,
		nonces: { ...FALLBACK.nonces, ...config.nonces },
		actionNonces: { ...config.actionNonces },
		provider: { ...FALLBACK.provider, ...config.provider },
	};
}
