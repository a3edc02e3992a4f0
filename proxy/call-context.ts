import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProxyError } from './errors';

/**
 * What every upstream call of one client request shares: one AbortSignal that fires on the
 * total deadline or when the client goes away (so the provider call is cancelled), the deadline
 * itself (retries must fit before it) and the request id to propagate.
 */
export interface CallContext {
	signal: AbortSignal;
	deadlineAt: number;
	requestId: string;
}

export class ClientClosedError extends Error {
	constructor() {
		super( 'client closed the connection' );
		this.name = 'ClientClosedError';
	}
}

export type OpenCallContext = CallContext & { dispose: () => void };

export function createCallContext(
	request: FastifyRequest,
	reply: FastifyReply,
	totalMs: number
): OpenCallContext {
	return callContextFor( reply.raw, String( request.id ), totalMs );
}

/** The same for a plain node:http response (the pass-through lane). */
export function callContextFor(
	res: ServerResponse,
	requestId: string,
	totalMs: number
): OpenCallContext {
	const controller = new AbortController();
	const timer = setTimeout(
		() =>
			controller.abort(
				new ProxyError(
					'upstream_timeout',
					`no complete answer within the ${ totalMs } ms deadline`
				)
			),
		totalMs
	);
	// 'close' before the response finished means the client disconnected.
	const onClose = () => {
		if ( ! res.writableFinished ) {
			controller.abort( new ClientClosedError() );
		}
	};
	res.once( 'close', onClose );
	return {
		signal: controller.signal,
		deadlineAt: Date.now() + totalMs,
		requestId,
		dispose() {
			clearTimeout( timer );
			res.off( 'close', onClose );
		},
	};
}

/** The error to surface when a call's signal fired. */
export function abortReason( signal: AbortSignal ): Error {
	const reason: unknown = signal.reason;
	if ( reason instanceof Error ) {
		return reason;
	}
	return new ClientClosedError();
}

export function sleep( ms: number, signal: AbortSignal ): Promise< void > {
	return new Promise( ( resolve, reject ) => {
		if ( signal.aborted ) {
			reject( abortReason( signal ) );
			return;
		}
		const onAbort = () => {
			clearTimeout( timer );
			reject( abortReason( signal ) );
		};
		const timer = setTimeout( () => {
			signal.removeEventListener( 'abort', onAbort );
			resolve();
		}, ms );
		signal.addEventListener( 'abort', onAbort, { once: true } );
	} );
}
