/** What the thunks of `mpcc/session` share: request tracking per key, the open conversation, saving first. */
import { ApiError, type ApiErrorCode, type ErrorInfo } from '../../api/errors';
import { expire, performSave } from '../persistence/save';
import { createRequestTracker, type RequestTracker } from '../request-tracking';
import { runtimeFor } from '../runtime';
import type { Action, RequestKey, ThunkArgs } from '../types';

export type ActionOf< T extends Action[ 'type' ] > = Extract<
	Action,
	{ type: T }
>;

const REQUEST_ACTIONS = {
	init: 'REQUEST_RESET',
	requesting: 'REQUEST_START',
	streaming: 'REQUEST_STREAMING',
	done: 'REQUEST_SUCCESS',
} as const;

/** The request state under `key` (getRequest( key )). */
export function requestTracker(
	args: ThunkArgs,
	key: RequestKey
): RequestTracker {
	return createRequestTracker( {
		status: ( status ) =>
			args.dispatch( { type: REQUEST_ACTIONS[ status ], key } ),
		failure: ( error ) =>
			args.dispatch( { type: 'REQUEST_FAILURE', key, error } ),
		expired: () => expire( args ),
	} );
}

export function clientError(
	code: ApiErrorCode,
	info?: ErrorInfo | null
): ApiError {
	return info
		? new ApiError( info.code, info.message, info.status )
		: new ApiError( code, '' );
}

/**
 * Another conversation is opened: replies and drafts still streaming for this one are detached (the
 * server finishes and stores them in their own session) and nothing they send reaches the next one.
 */
export function leaveSession( args: ThunkArgs ): void {
	const runtime = runtimeFor( args.registry );
	runtime.epoch += 1;
	runtime.contentCancelled = true;
	runtime.streams.clear();
	( [ 'chat', 'assistant', 'content' ] as const ).forEach( ( key ) =>
		args.dispatch( { type: 'REQUEST_RESET', key } )
	);
	args.dispatch( { type: 'CONTENT_PROGRESS', progress: null } );
	args.dispatch( { type: 'STREAM_RESET' } );
}

/** True while the conversation open when it was called is still the open one. */
export function stillOpen( args: ThunkArgs ): () => boolean {
	const runtime = runtimeFor( args.registry );
	const epoch = runtime.epoch;
	return () => runtime.epoch === epoch;
}

/**
 * Stop (or a failed reply), as the server must see it: save the session now. A reply or draft is
 * stored only on the revision it started from, so moving the revision means nothing of the stopped
 * work is stored; and the question left unanswered is on the server (the bridge takes it as the
 * one to answer when it is sent again).
 */
export async function saveOnStop( args: ThunkArgs ): Promise< void > {
	if ( ! args.select.getSessionId() ) {
		return;
	}
	args.dispatch( { type: 'MARK_DIRTY' } );
	await performSave( args );
}

/** Makes sure the server has the session (content generation and course creation read it there). */
export async function ensureSaved( args: ThunkArgs ): Promise< string | null > {
	if ( ! args.select.getSessionId() && ! args.select.hasUnsavedChanges() ) {
		args.dispatch( { type: 'MARK_DIRTY' } );
	}
	await performSave( args );
	return args.select.getSessionId();
}
