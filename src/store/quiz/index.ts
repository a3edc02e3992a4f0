/** `mpcc/quiz`: the quiz modal's small store (source, options, the preview list, selection, one request). */
import { createReduxStore, register } from '@wordpress/data';
import reducer from './reducer';
import * as actions from './actions';
import * as selectors from './selectors';
import { QUIZ_STORE_NAME } from './constants';
import type { QuizState } from './types';

export const store = createReduxStore<
	QuizState,
	typeof actions,
	typeof selectors
>( QUIZ_STORE_NAME, {
	reducer,
	actions,
	selectors,
} );

register( store );

export { QUIZ_STORE_NAME, DEFAULT_QUIZ_OPTIONS } from './constants';
export type * from './types';
