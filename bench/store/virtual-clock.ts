/**
 * A virtual clock for benchmarks: replaces setTimeout/clearTimeout/Date.now so minutes of
 * scripted time run in milliseconds. Promise callbacks are drained (via the real setImmediate)
 * before each timer fires, so async code sees time pass as it would.
 */
type Timer = { id: number; at: number; fn: () => void; order: number };

export class VirtualClock {
	now: number;
	private timers: Timer[] = [];
	private nextId = 1;
	private order = 0;
	private readonly realImmediate = globalThis.setImmediate;
	private readonly saved = {
		setTimeout: globalThis.setTimeout,
		clearTimeout: globalThis.clearTimeout,
		dateNow: Date.now,
	};

	constructor( start = Date.UTC( 2026, 0, 1 ) ) {
		this.now = start;
	}

	install(): void {
		const self = this;
		( globalThis as { setTimeout: unknown } ).setTimeout = (
			fn: () => void,
			ms = 0
		) => {
			const timer = {
				id: self.nextId++,
				at: self.now + Math.max( 0, ms ),
				fn,
				order: self.order++,
			};
			self.timers.push( timer );
			return timer.id;
		};
		( globalThis as { clearTimeout: unknown } ).clearTimeout = (
			id: number
		) => {
			self.timers = self.timers.filter( ( t ) => t.id !== id );
		};
		Date.now = () => self.now;
	}

	uninstall(): void {
		globalThis.setTimeout = this.saved.setTimeout;
		globalThis.clearTimeout = this.saved.clearTimeout;
		Date.now = this.saved.dateNow;
	}

	/** Lets pending promise callbacks run. */
	async drain(): Promise< void > {
		for ( let i = 0; i < 5; i++ ) {
			await new Promise< void >( ( resolve ) =>
				this.realImmediate( resolve )
			);
		}
	}

	/** Advances to `target`, firing due timers in order. */
	async advanceTo( target: number ): Promise< void > {
		await this.drain();
		for (;;) {
			this.timers.sort( ( a, b ) => a.at - b.at || a.order - b.order );
			const next = this.timers[ 0 ];
			if ( ! next || next.at > target ) {
				break;
			}
			this.timers.shift();
			this.now = next.at;
			next.fn();
			await this.drain();
		}
		this.now = target;
		await this.drain();
	}
}
