/**
 * At most one save in flight per registry. A save asked for while one runs waits for it and then
 * runs once (reading the latest state then); more asks meanwhile share that one follow-up.
 * When nothing is in flight the save starts synchronously (the unload flush relies on it).
 */
interface Gate {
	inFlight: Promise< void > | null;
	next: Promise< void > | null;
}

const gates = new WeakMap< object, Gate >();

function gateFor( owner: object ): Gate {
	let gate = gates.get( owner );
	if ( ! gate ) {
		gate = { inFlight: null, next: null };
		gates.set( owner, gate );
	}
	return gate;
}

export function runExclusive(
	owner: object,
	run: () => Promise< void >
): Promise< void > {
	const gate = gateFor( owner );
	if ( ! gate.inFlight ) {
		const current = run()
			.catch( () => undefined )
			.finally( () => {
				if ( gate.inFlight === current ) {
					gate.inFlight = null;
				}
			} );
		gate.inFlight = current;
		return current;
	}
	if ( ! gate.next ) {
		gate.next = gate.inFlight.then( () => {
			gate.next = null;
			return runExclusive( owner, run );
		} );
	}
	return gate.next;
}

export function isInFlight( owner: object ): boolean {
	return !! gates.get( owner )?.inFlight;
}
