import { COURSE_TURN_ANSWER } from '../../proxy/test/fixtures';
import { FakeUpstream } from '../../proxy/test/fake-upstream/fake-upstream';

/**
 * The test suite's fake provider as its own process for the benchmark, so it does not share an
 * event loop with the load generator. Streams take FAKE_CHUNK_DELAY_MS between chunks; prints its URL.
 * Answers a valid course turn when asked for JSON (the task routes), prose otherwise.
 */
const fake = new FakeUpstream();
// Task routes ask for JSON (response_format): a valid course turn; chat completions get prose.
fake.reply = ( body ) =>
	body.response_format
		? COURSE_TURN_ANSWER
		: 'The quick brown fox jumps over the lazy dog. '.repeat( 4 ).trim();
fake.chunkSize = 18;
fake.defaultBehaviour = {
	kind: 'ok',
	chunkDelayMs: Number( process.env.FAKE_CHUNK_DELAY_MS ?? 0 ),
};
// The benchmark sends thousands of requests: keep none of them.
Object.defineProperty( fake, 'requests', {
	value: { push: () => 0, length: 0 },
} );
void fake.start().then( () => {
	process.stdout.write( `${ fake.url }\n` );
	process.on(
		'SIGTERM',
		() => void fake.stop().then( () => process.exit( 0 ) )
	);
} );
