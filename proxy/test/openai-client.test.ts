import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import type { ProviderName } from '../config';
import { FakeUpstream } from './fake-upstream/fake-upstream';
import { startApp, startFake, testConfig, type Running } from './helpers';
import { useProxy } from './use-proxy';

/** The official openai npm client pointed at the proxy, for every provider (translated ones included). */
for ( const provider of [
	'openai',
	'anthropic',
	'openai-compatible',
	'demo',
] as ProviderName[] ) {
	describe( `official openai client → proxy (${ provider })`, () => {
		let fake: FakeUpstream | undefined;
		let proxy: Running;
		let client: OpenAI;
		before( async () => {
			fake = provider === 'demo' ? undefined : await startFake();
			if ( fake ) {
				fake.reply = () => 'The client read this answer.';
			}
			proxy = await startApp(
				testConfig( provider, fake, { token: 'client-token' } )
			);
			client = new OpenAI( {
				apiKey: 'client-token',
				baseURL: `${ proxy.url }/v1`,
				maxRetries: 0,
			} );
		} );
		after( async () => {
			await proxy.close();
			await fake?.stop();
		} );

		it( 'chat.completions.create', async () => {
			const completion = await client.chat.completions.create( {
				model: 'any',
				messages: [
					{ role: 'system', content: 'Be brief.' },
					{ role: 'user', content: 'Say something about rivers' },
				],
			} );
			const text = completion.choices[ 0 ]?.message.content ?? '';
			assert.equal( completion.object, 'chat.completion' );
			if ( provider === 'demo' ) {
				assert.match( text, /rivers/ );
			} else {
				assert.equal( text, 'The client read this answer.' );
			}
			assert.ok( ( completion.usage?.total_tokens ?? 0 ) > 0 );
		} );

		it( 'chat.completions.create with stream: true, usage included', async () => {
			const stream = await client.chat.completions.create( {
				model: 'any',
				stream: true,
				stream_options: { include_usage: true },
				messages: [
					{ role: 'user', content: 'Stream about mountains' },
				],
			} );
			let text = '';
			let chunks = 0;
			let finish: string | null | undefined;
			let usage = 0;
			for await ( const chunk of stream ) {
				chunks++;
				text += chunk.choices[ 0 ]?.delta.content ?? '';
				finish = chunk.choices[ 0 ]?.finish_reason ?? finish;
				usage = chunk.usage?.total_tokens ?? usage;
			}
			assert.ok( chunks >= 3, `got ${ chunks } chunks` );
			assert.equal( finish, 'stop' );
			assert.ok( usage > 0 );
			if ( provider === 'demo' ) {
				assert.match( text, /mountains/ );
			} else {
				assert.equal( text, 'The client read this answer.' );
			}
		} );

		it( 'a wrong key is an AuthenticationError (401)', async () => {
			const bad = new OpenAI( {
				apiKey: 'nope',
				baseURL: `${ proxy.url }/v1`,
				maxRetries: 0,
			} );
			await assert.rejects(
				bad.chat.completions.create( {
					model: 'x',
					messages: [ { role: 'user', content: 'hi' } ],
				} ),
				( error: unknown ) =>
					error instanceof OpenAI.AuthenticationError
			);
		} );
	} );
}

describe( 'official openai client sees upstream failures as typed errors', () => {
	const { fake, proxy } = useProxy( 'openai' );

	it( 'exhausted 429 → RateLimitError; error mid-stream → APIError thrown while iterating', async () => {
		const client = new OpenAI( {
			apiKey: 'x',
			baseURL: `${ proxy.url }/v1`,
			maxRetries: 0,
		} );
		fake.enqueue( { kind: 'status', status: 429, retryAfter: '60' } );
		await assert.rejects(
			client.chat.completions.create( {
				model: 'x',
				messages: [ { role: 'user', content: 'limit' } ],
			} ),
			( error: unknown ) => error instanceof OpenAI.RateLimitError
		);
		fake.enqueue( { kind: 'error-mid-stream' } );
		const stream = await client.chat.completions.create( {
			model: 'x',
			stream: true,
			messages: [ { role: 'user', content: 'break' } ],
		} );
		await assert.rejects(
			async () => {
				for await ( const chunk of stream ) {
					void chunk;
				}
			},
			( error: unknown ) => error instanceof OpenAI.APIError
		);
	} );
} );
