import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The caller's X-Request-Id when it is sane, else a new one; every answer carries it. */
export function requestIdFrom( headers: IncomingHttpHeaders ): string {
	const given = headers[ 'x-request-id' ];
	return typeof given === 'string' && REQUEST_ID.test( given )
		? given
		: randomUUID();
}
