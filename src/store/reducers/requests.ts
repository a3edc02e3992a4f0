/** One request state per key (`getRequest( key )`), written through ../request-tracking. */
import { INITIAL_REQUEST, REQUEST_KEYS } from '../constants';
import type { Action, RequestKey, RequestState } from '../types';

const INITIAL_REQUESTS = Object.fromEntries(
	REQUEST_KEYS.map( ( key ) => [ key, INITIAL_REQUEST ] )
) as Record< RequestKey, RequestState >;

function setRequest(
	state: Record< RequestKey, RequestState >,
	key: RequestKey,
	value: RequestState
): Record< RequestKey, RequestState > {
	const current = state[ key ];
	if ( current.status === value.status && current.error === value.error ) {
		return state;
	}
	return { ...state, [ key ]: value };
}

export function requests(
	state: Record< RequestKey, RequestState > = INITIAL_REQUESTS,
	action: Action
): Record< RequestKey, RequestState > {
	switch ( action.type ) {
		case 'REQUEST_START':
			return setRequest( state, action.key, {
				status: action.streaming ? 'streaming' : 'requesting',
				error: null,
			} );
		case 'REQUEST_STREAMING':
			return state[ action.key ].status === 'requesting'
				? setRequest( state, action.key, {
						status: 'streaming',
						error: null,
					} )
				: state;
		case 'REQUEST_SUCCESS':
			return setRequest( state, action.key, {
				status: 'done',
				error: null,
			} );
		case 'REQUEST_FAILURE':
			return setRequest( state, action.key, {
				status: 'error',
				error: action.error,
			} );
		case 'REQUEST_RESET':
			return setRequest( state, action.key, INITIAL_REQUEST );
		case 'RESET_SESSION':
			return { ...INITIAL_REQUESTS, sessions: state.sessions };
	}
	return state;
}
