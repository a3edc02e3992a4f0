import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { ClientClosedError } from '../call-context';
import { ProxyError } from '../errors';
import { toProxyError } from '../tasks/request-body';
import type { ConfigOptions } from './decorations';

/**
 * Every failure becomes the one error body with its true status (docs/contracts.md "Error codes"),
 * unknown routes included; every answer carries its request id.
 */
export default fp< ConfigOptions >(
	async ( app, { config } ) => {
		// Set when the request arrives (it stays on every answer, errors included): an onSend hook would
		// put fastify's hook runner between every handler and its write.
		app.addHook( 'onRequest', ( request, reply, done ) => {
			reply.header( 'x-request-id', request.id );
			done();
		} );

		app.setErrorHandler(
			( error: FastifyError | Error, request, reply ) => {
				if ( error instanceof ClientClosedError ) {
					request.log.debug( 'client went away' );
					return reply.code( 499 ).send();
				}
				let proxyError: ProxyError;
				const status = ( error as FastifyError ).statusCode;
				if ( error instanceof ProxyError ) {
					proxyError = error;
				} else if ( status === 413 ) {
					proxyError = new ProxyError(
						'payload_too_large',
						`request body is larger than ${ config.bodyLimitBytes } bytes`
					);
				} else if (
					status !== undefined &&
					status >= 400 &&
					status < 500
				) {
					proxyError = new ProxyError(
						'invalid_request',
						error.message
					);
				} else {
					proxyError = toProxyError( error, request.log );
				}
				if ( proxyError.statusCode >= 500 ) {
					request.log.warn(
						{ code: proxyError.code, msg: proxyError.message },
						'request failed'
					);
				}
				if ( proxyError.retryAfter !== undefined ) {
					reply.header(
						'retry-after',
						String( proxyError.retryAfter )
					);
				}
				return reply
					.code( proxyError.statusCode )
					.send( proxyError.toBody() );
			}
		);

		app.setNotFoundHandler( ( request, reply ) => {
			reply
				.code( 404 )
				.send(
					new ProxyError(
						'not_found',
						`no route ${ request.method } ${ request.url }`
					).toBody()
				);
		} );
	},
	{ name: 'errors' }
);
