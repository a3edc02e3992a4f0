import { after, before, beforeEach } from 'node:test';
import type { ProxyApp } from '../app';
import type { ProviderName, ProxyConfig } from '../config';
import { FakeUpstream } from './fake-upstream/fake-upstream';
import { startApp, testConfig, type Running } from './helpers';

/** For suites that count upstream calls: every request reaches the fake upstream. */
export const CACHE_OFF: ProxyConfig[ 'cache' ] = {
	enabled: false,
	ttlMs: 1000,
	maxEntries: 10,
};

/**
 * One fake upstream and a proxy for `provider` in front of it, shared by the tests of the calling
 * describe(): both start before its first test and stop after its last, and every test starts with a
 * fresh fake (no recorded requests, nothing queued, the default reply). `proxy.url` (and `proxy.app`,
 * for `inject()`) are filled in once the proxy listens, so read them inside tests.
 */
export function useProxy(
	provider: ProviderName,
	overrides: Partial< ProxyConfig > = {}
): { fake: FakeUpstream; proxy: { url: string; app?: ProxyApp } } {
	const fake = new FakeUpstream();
	const proxy: { url: string; app?: ProxyApp } = { url: '' };
	let running: Running | undefined;
	before( async () => {
		await fake.start();
		running = await startApp( testConfig( provider, fake, overrides ) );
		proxy.url = running.url;
		proxy.app = running.app;
	} );
	after( async () => {
		await running?.close();
		await fake.stop();
	} );
	beforeEach( () => fake.reset() );
	return { fake, proxy };
}

/** A fake upstream and a proxy for one test: `run` gets both, and both stop when it ends, passed or failed. */
export async function withProxy(
	provider: ProviderName,
	overrides: Partial< ProxyConfig >,
	run: ( servers: { fake: FakeUpstream; proxy: Running } ) => Promise< void >
): Promise< void > {
	const fake = await new FakeUpstream().start();
	const proxy = await startApp( testConfig( provider, fake, overrides ) );
	try {
		await run( { fake, proxy } );
	} finally {
		await proxy.close();
		await fake.stop();
	}
}
