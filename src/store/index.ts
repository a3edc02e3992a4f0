/**
 * `mpcc/session`: the working session shared by the course editor page, the assistant sidebar
 * and (for the session side) the quiz modal. Always `select( store )` / `dispatch( store )`.
 */
import { createReduxStore, register, type DataRegistry } from '@wordpress/data';
import { attachAutoSaveTo, type AutoSaveOptions } from './persistence';
import reducer from './reducers';
import * as actions from './actions';
import * as resolvers from './resolvers';
import * as selectors from './selectors';
import { STORE_NAME } from './constants';
import type { State } from './types';

export const store = createReduxStore<
	State,
	typeof actions,
	typeof selectors
>( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );

export {
	STORE_NAME,
	NOTICE_IDS,
	HISTORY_LIMIT,
	AUTOSAVE_WAIT,
	AUTOSAVE_MAX_WAIT,
} from './constants';
export type { AutoSaveOptions } from './persistence';

/** Auto-save for this store on `registry` (persistence/index.ts); returns the detach function. */
export function attachAutoSave(
	registry: DataRegistry,
	options: AutoSaveOptions = {}
): () => void {
	return attachAutoSaveTo( store, registry, options );
}
export type * from './types';
