/** Where things live. Everything generated goes under .wp/ (git-ignored) so a fresh clone starts clean. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'../..'
);
export const WP_DIR = path.join( ROOT, '.wp' );
export const CORE_DIR = path.join( WP_DIR, 'core' );
export const SITES_DIR = path.join( WP_DIR, 'sites' );
export const BUILDS_DIR = path.join(
	ROOT,
	'node_modules/@wp-playground/wordpress-builds'
);

/** WordPress versions we run: the key is ours, `build` is the name inside @wp-playground/wordpress-builds. */
export const WP_VERSIONS = {
	6.6: { build: 'beta', label: 'WordPress 6.6-RC3' },
	6.5: { build: '6.5', label: 'WordPress 6.5.5' },
};

export const PLUGIN_SLUG = 'courses-copilot';
