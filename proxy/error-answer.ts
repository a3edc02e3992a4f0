import type { FastifyBaseLogger, FastifyError } from 'fastify';
import { ClientClosedError } from './call-context';
import { ProxyError } from './errors';
import { toProxyError } from './tasks/request-body';

/**
 * What a failed request is answered with (docs/contracts.md "Error codes"), whichever door it came
 * in by (the fastify error handler, plugins/errors.ts, or the pass-through lane): the one error body
 * with its true status, or 499 and no body when the client went away. Server-side failures are logged.
 */
export interface ErrorAnswer {
	status: number;
	/** Absent for 499: nobody is listening. */
	error?: ProxyError;
}

export function errorAnswer(
	error: unknown,
	log: FastifyBaseLogger,
	bodyLimitBytes: number
): ErrorAnswer {
	if ( error instanceof ClientClosedError ) {
		log.debug( 'client went away' );
		return { status: 499 };
	}
	let proxyError: ProxyError;
	const status = ( error as FastifyError ).statusCode;
	if ( error instanceof ProxyError ) {
		proxyError = error;
	} else if ( status === 413 ) {
		proxyError = new ProxyError(
			'payload_too_large',
			`request body is larger than ${ bodyLimitBytes } bytes`
		);
	} else if ( status !== undefined && status >= 400 && status < 500 ) {
		proxyError = new ProxyError(
			'invalid_request',
			( error as Error ).message
		);
	} else {
		proxyError = toProxyError( error, log );
	}
	if ( proxyError.statusCode >= 500 ) {
		log.warn(
			{ code: proxyError.code, msg: proxyError.message },
			'request failed'
		);
	}
	return { status: proxyError.statusCode, error: proxyError };
}
