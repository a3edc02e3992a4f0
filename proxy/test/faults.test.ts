import { after, before, beforeEach, describe, it } from 'node:test';
import { RETRY_FAULTS } from './faults/retry-faults';
import { STREAM_FAULTS } from './faults/stream-faults';
import { WIRES, type FaultContext } from './faults/fault-table';
import { COURSE_TURN_ANSWER } from './fixtures';
import { startApp, startFake, testConfig } from './helpers';

/** Provider faults: retries (count and timing), statuses, deadlines and cancellation, on each wire format. */
for ( const wire of WIRES ) {
	describe( `faults (${ wire } wire)`, () => {
		const context = { wire } as FaultContext;
		before( async () => {
			context.fake = await startFake();
			context.proxy = await startApp(
				testConfig( wire, context.fake, {
					cache: { enabled: false, ttlMs: 1000, maxEntries: 10 },
				} )
			);
		} );
		after( async () => {
			await context.proxy.close();
			await context.fake.stop();
		} );
		beforeEach( () => {
			context.fake.reset();
			context.fake.reply = () => COURSE_TURN_ANSWER;
		} );

		for ( const fault of [ ...RETRY_FAULTS, ...STREAM_FAULTS ] ) {
			if ( ! fault.wires || fault.wires.includes( wire ) ) {
				it( fault.name, () => fault.run( context ) );
			}
		}
	} );
}
