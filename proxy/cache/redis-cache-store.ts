import type { Redis } from 'ioredis';
import type { CacheStore } from './cache-store';

/** Cache in Redis so several proxies behind one site share answers; keys expire on their own (PX). */
export class RedisCacheStore implements CacheStore {
	constructor(
		private readonly redis: Redis,
		private readonly prefix = 'mpcc:cache:'
	) {}

	async get( key: string ): Promise< string | undefined > {
		return ( await this.redis.get( this.prefix + key ) ) ?? undefined;
	}

	async set( key: string, value: string, ttlMs: number ): Promise< void > {
		await this.redis.set( this.prefix + key, value, 'PX', ttlMs );
	}
}
