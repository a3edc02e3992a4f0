/**
 * Whether the "Demo model" banner shows: the latest reply's word on it once one has arrived on this
 * page, else what PHP printed (`mpccConfig.provider.demo`, which it caches for a few minutes). So
 * switching the proxy to a real provider clears the banner on the first real reply.
 */
import { useSelect } from '@wordpress/data';
import { getConfig } from '../api/config';
import { store as sessionStore } from '../store';

export function useDemoProvider(): boolean {
	const lastReplyDemo = useSelect(
		( select ) => select( sessionStore ).getLastReplyDemo(),
		[]
	);
	return lastReplyDemo ?? getConfig().provider.demo;
}
