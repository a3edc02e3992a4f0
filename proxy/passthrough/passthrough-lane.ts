import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import { callContextFor } from '../call-context';
import type { ChatAnswers } from '../chat/chat-answers';
import { errorAnswer } from '../error-answer';
import type { ProxyError } from '../errors';
import type { RateLimiter } from '../limits/rate-limiter';
import type { ProxyMetrics } from '../metrics';
import { requestIdFrom } from '../request-id';
import { SseResponse } from '../sse/sse-response';
import { isJsonContentType, readJsonBody } from './read-json-body';

/**
 * POST /v1/chat/completions served on plain node:http, in front of fastify (app.ts's serverFactory).
 * It is the proxy's hottest route and mostly a second hop, so it skips fastify's per-request
 * machinery (request and reply objects, hook runners, content-type parsing), which cost about as
 * much CPU as the hop itself (bench/proxy, proxy/README.md "Pass-through lane"). Every concern stays
 * the shared one, in fastify's order: request id, rate limit, bearer token, body limit and JSON
 * parsing as fastify does them, the answers of chat/chat-answers.ts, the one error body, and the
 * route's request count and latency. A request it does not take (another route or method, a body
 * that is not JSON) goes to fastify unchanged.
 */
export const PASSTHROUGH_ROUTE = '/v1/chat/completions';

export interface LaneDeps {
	answers: ChatAnswers;
	limiter: RateLimiter;
	refusal: ( authorization: string | undefined ) => ProxyError | undefined;
	metrics: ProxyMetrics;
	log: FastifyBaseLogger;
	bodyLimitBytes: number;
	totalMs: number;
}

/** Returns whether it took the request; if not, the caller hands it to fastify. */
export type Lane = ( req: IncomingMessage, res: ServerResponse ) => boolean;

export function passthroughLane( deps: LaneDeps ): Lane {
	const { answers, limiter, refusal, metrics, log } = deps;
	const series = metrics.route( PASSTHROUGH_ROUTE );

	function done( status: number, startedAt: number ) {
		series.status( status ).inc();
		series.latency.observe( ( performance.now() - startedAt ) / 1000 );
	}

	function fail(
		res: ServerResponse,
		error: unknown,
		requestId: string,
		startedAt: number
	) {
		// A logger bound to the request id, as fastify's request.log is; made only on failure.
		const answer = errorAnswer(
			error,
			log.child( { reqId: requestId } ),
			deps.bodyLimitBytes
		);
		done( answer.status, startedAt );
		if ( res.headersSent ) {
			res.destroy();
			return;
		}
		if ( ! answer.error ) {
			res.statusCode = answer.status;
			res.end();
			return;
		}
		if ( answer.error.retryAfter !== undefined ) {
			res.setHeader( 'retry-after', String( answer.error.retryAfter ) );
		}
		res.writeHead( answer.status, {
			'content-type': 'application/json; charset=utf-8',
		} );
		res.end( JSON.stringify( answer.error.toBody() ) );
	}

	async function serve(
		req: IncomingMessage,
		res: ServerResponse,
		startedAt: number
	) {
		const requestId = requestIdFrom( req.headers );
		res.setHeader( 'x-request-id', requestId );
		try {
			const limited = await limiter.take(
				req.headers,
				req.socket.remoteAddress
			);
			const refused = limited ?? refusal( req.headers.authorization );
			if ( refused ) {
				throw refused;
			}
			const body = answers.prepare(
				await readJsonBody( req, deps.bodyLimitBytes )
			);
			const openCall = () =>
				callContextFor( res, requestId, deps.totalMs );
			if ( body.stream ) {
				await answers.stream(
					body,
					openCall,
					SseResponse.forResponse( res )
				);
				done( 200, startedAt );
				return;
			}
			const { text, cache } = await answers.json( body, openCall );
			res.writeHead( 200, {
				'content-type': 'application/json',
				'x-mpcc-cache': cache,
			} );
			res.end( text );
			done( 200, startedAt );
		} catch ( error ) {
			fail( res, error, requestId, startedAt );
		}
	}

	return function take( req, res ) {
		if (
			req.method !== 'POST' ||
			( req.url !== PASSTHROUGH_ROUTE &&
				! req.url?.startsWith( `${ PASSTHROUGH_ROUTE }?` ) ) ||
			! isJsonContentType( req.headers[ 'content-type' ] )
		) {
			return false;
		}
		void serve( req, res, performance.now() );
		return true;
	};
}
