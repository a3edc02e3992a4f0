import fp from 'fastify-plugin';
import { errorAnswer } from '../error-answer';
import { ProxyError } from '../errors';
import type { ConfigOptions } from './decorations';

/**
 * Every failure becomes the one error body with its true status (proxy/error-answer.ts), unknown
 * routes included; every answer carries its request id.
 */
export default fp< ConfigOptions >(
	async ( app, { config } ) => {
		// Set when the request arrives (it stays on every answer, errors included): an onSend hook would
		// put fastify's hook runner between every handler and its write.
		app.addHook( 'onRequest', ( request, reply, done ) => {
			reply.header( 'x-request-id', request.id );
			done();
		} );

		app.setErrorHandler( ( error, request, reply ) => {
			const answer = errorAnswer(
				error,
				request.log,
				config.bodyLimitBytes
			);
			if ( ! answer.error ) {
				return reply.code( answer.status ).send();
			}
			if ( answer.error.retryAfter !== undefined ) {
				reply.header(
					'retry-after',
					String( answer.error.retryAfter )
				);
			}
			return reply.code( answer.status ).send( answer.error.toBody() );
		} );

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
