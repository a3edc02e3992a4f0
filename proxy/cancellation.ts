/**
 * The cancellation of one piece of upstream work (a client request's calls, or a call shared by
 * several requests). It does what an AbortController does for us, with plain callbacks: an
 * AbortController, its AbortSignal and EventTarget listeners per request were about a tenth of the
 * pass-through lane's own CPU (bench/proxy, proxy/README.md "Pass-through lane"). A real AbortSignal
 * is still made on demand, for what needs one (the AI SDK's abortSignal).
 */
export type CancelListener = ( reason: Error ) => void;

export class Cancellation {
	private cancelledWith: Error | undefined;
	private listeners: CancelListener[] | undefined;
	private controller: AbortController | undefined;

	get cancelled(): boolean {
		return this.cancelledWith !== undefined;
	}

	/** Why it was cancelled (the deadline, the client leaving, …); undefined while it is not. */
	get reason(): Error | undefined {
		return this.cancelledWith;
	}

	/** Cancels once; later calls keep the first reason. Listeners run in the order they were added. */
	cancel( reason: Error ): void {
		if ( this.cancelledWith ) {
			return;
		}
		this.cancelledWith = reason;
		const listeners = this.listeners;
		this.listeners = undefined;
		this.controller?.abort( reason );
		for ( const listener of listeners ?? [] ) {
			listener( reason );
		}
	}

	/** Runs `listener` once on cancellation; right away if it is already cancelled. */
	onCancel( listener: CancelListener ): void {
		if ( this.cancelledWith ) {
			listener( this.cancelledWith );
			return;
		}
		( this.listeners ??= [] ).push( listener );
	}

	offCancel( listener: CancelListener ): void {
		const index = this.listeners?.indexOf( listener ) ?? -1;
		if ( index !== -1 ) {
			this.listeners?.splice( index, 1 );
		}
	}

	/** An AbortSignal that follows this cancellation, made on first use. */
	get signal(): AbortSignal {
		if ( ! this.controller ) {
			this.controller = new AbortController();
			if ( this.cancelledWith ) {
				this.controller.abort( this.cancelledWith );
			}
		}
		return this.controller.signal;
	}

	/** Sleeps `ms`, or rejects with the reason as soon as this is cancelled. */
	sleep( ms: number ): Promise< void > {
		return new Promise( ( resolve, reject ) => {
			if ( this.cancelledWith ) {
				reject( this.cancelledWith );
				return;
			}
			const onCancel = ( reason: Error ) => {
				clearTimeout( timer );
				reject( reason );
			};
			const timer = setTimeout( () => {
				this.offCancel( onCancel );
				resolve();
			}, ms );
			this.onCancel( onCancel );
		} );
	}
}
