/**
 * The proxy imports only the two stores it uses (proxy/limits/rate-limiter.ts), not the package root,
 * which loads every store the library has (Mongo, Postgres, Dynamo …) into the bundle. The package
 * types only its root; these deep paths re-export those types.
 */
declare module 'rate-limiter-flexible/lib/RateLimiterMemory' {
	export { RateLimiterMemory as default } from 'rate-limiter-flexible';
}
declare module 'rate-limiter-flexible/lib/RateLimiterRedis' {
	export { RateLimiterRedis as default } from 'rate-limiter-flexible';
}
declare module 'rate-limiter-flexible/lib/RateLimiterRes' {
	export { RateLimiterRes as default } from 'rate-limiter-flexible';
}
