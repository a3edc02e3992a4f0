export {
	ajax,
	post,
	sendKeepalive,
	buildBody,
	readReply,
	ACTION_NONCES,
	KEEPALIVE_LIMIT,
} from './client';
export { SSEClient } from './sse-client';
export type { StreamAction, StreamEvents, StreamHandlers } from './sse-client';
export { getConfig } from './config';
export type { MpccConfig, NonceKey } from './config';
export {
	ApiError,
	CLIENT_ERROR_CODES,
	isApiError,
	isRetryableCode,
	isSessionExpiredCode,
} from './errors';
export type { ApiErrorCode, ErrorInfo } from './errors';
export { describeError, toErrorInfo } from './error-messages';
export type { ErrorDescription, Recovery } from './error-messages';
export type * from './types';
