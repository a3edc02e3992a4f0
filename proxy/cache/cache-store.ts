/** Where cached answers live: this process (default) or Redis (MPCC_REDIS_URL), shared by several proxies. */
export interface CacheStore {
	get: ( key: string ) => Promise< string | undefined >;
	set: ( key: string, value: string, ttlMs: number ) => Promise< void >;
}

/** In-memory store with TTL and a size bound; a Map keeps insertion order, which makes eviction LRU-ish. */
export class MemoryCacheStore implements CacheStore {
	private readonly entries = new Map<
		string,
		{ value: string; expiresAt: number }
	>();

	constructor( private readonly maxEntries: number ) {}

	async get( key: string ): Promise< string | undefined > {
		const entry = this.entries.get( key );
		if ( ! entry ) {
			return undefined;
		}
		if ( entry.expiresAt <= Date.now() ) {
			this.entries.delete( key );
			return undefined;
		}
		// Refresh recency.
		this.entries.delete( key );
		this.entries.set( key, entry );
		return entry.value;
	}

	async set( key: string, value: string, ttlMs: number ): Promise< void > {
		this.entries.delete( key );
		this.entries.set( key, { value, expiresAt: Date.now() + ttlMs } );
		while ( this.entries.size > this.maxEntries ) {
			const oldest = this.entries.keys().next().value;
			if ( oldest === undefined ) {
				break;
			}
			this.entries.delete( oldest );
		}
	}
}
