/**
 * The proxy imports undici's connection pool alone (proxy/upstream/http-transport.ts), not the
 * package root, which also loads fetch, WebSocket, the cache and the mock agents into the bundle.
 * The package types only its root; this deep path re-exports that type.
 */
declare module 'undici/lib/dispatcher/pool.js' {
	export { Pool as default } from 'undici';
}
