/** Reads that fetch: the first `select( store ).getSessionList( query )` for a query asks the bridge. */
import { ajax } from '../api/client';
import { requestTracker } from './actions/shared';
import { tracked } from './request-tracking';
import { sessionListQuery, type SessionListQueryInput } from './selectors';
import type { Thunk } from './types';

export const getSessionList =
	( input: SessionListQueryInput = {} ): Thunk =>
	async ( args ) => {
		const query = sessionListQuery( input );
		const request = requestTracker( args, 'sessions' );
		await tracked( request, null, async () => {
			const reply = await ajax( 'mpcc_list_sessions', {
				page: query.page,
				per_page: query.perPage,
				search: query.search || undefined,
				post_id: query.postId ?? undefined,
			} );
			const items = Array.isArray( reply.sessions ) ? reply.sessions : [];
			args.dispatch( {
				type: 'RECEIVE_SESSION_LIST',
				items,
				total:
					typeof reply.total === 'number'
						? reply.total
						: items.length,
				query,
			} );
			request.succeed();
			return null;
		} );
	};
