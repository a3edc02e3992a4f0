import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Cancellation } from './cancellation';
import { ProxyError } from './errors';

/**
 * What every upstream call of one client request shares: one cancellation that fires on the total
 * deadline or when the client goes away (so the provider call is cancelled), the deadline itself
 * (retries must fit before it) and the request id to propagate.
 */
export interface CallContext {
	cancellation: Cancellation;
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
	const cancellation = new Cancellation();
	const timer = setTimeout(
		() =>
			cancellation.cancel(
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
			cancellation.cancel( new ClientClosedError() );
		}
	};
	res.once( 'close', onClose );
	return {
		cancellation,
		deadlineAt: Date.now() + totalMs,
		requestId,
		dispose() {
			clearTimeout( timer );
			res.off( 'close', onClose );
		},
	};
}
