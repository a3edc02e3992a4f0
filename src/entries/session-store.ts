/**
 * The `mpcc/session` store as a shared script: registers the store once and exposes the module as
 * `window.mpcc.sessionStore`, which the surface bundles import in place of src/store (webpack.config.js).
 */
import * as sessionStore from '../store';

declare global {
	interface Window {
		mpcc?: { sessionStore?: typeof sessionStore };
	}
}

window.mpcc = { ...window.mpcc, sessionStore };
