import type { ProxyConfig } from '../config';
import type {
	GenerateRequest,
	GenerateResult,
	Provider,
	StreamPart,
} from './types';
import { keyTerms, streamChunks } from '../text/text-analysis';

/**
 * The offline default. Task routes use the demo task answers (course-turn.ts, quiz.ts …) directly;
 * this object answers /v1/chat/completions with a deterministic reply built from the user's words.
 */
export function demoChatReply( request: GenerateRequest ): string {
	const last =
		[ ...request.messages ].reverse().find( ( m ) => m.role === 'user' )
			?.content ?? '';
	const terms = keyTerms( last, 5 );
	const about = terms.length
		? `about ${ terms.join( ', ' ) }`
		: 'without a clear topic yet';
	return `Demo mode (no AI provider configured): your message is ${ about }. Set MPCC_LLM_PROVIDER to openai, anthropic or openai-compatible for real answers.`;
}

function approximateTokens( text: string ): number {
	return Math.max( 1, Math.ceil( text.length / 4 ) );
}

export class DemoProvider implements Provider {
	readonly name = 'demo' as const;
	readonly model: string;
	readonly baseUrl = '';
	readonly demo = true;

	constructor( config: ProxyConfig ) {
		this.model = config.model;
	}

	async generate( request: GenerateRequest ): Promise< GenerateResult > {
		const text = demoChatReply( request );
		const prompt = request.messages.reduce(
			( sum, m ) => sum + approximateTokens( m.content ),
			0
		);
		return {
			text,
			usage: {
				promptTokens: prompt,
				completionTokens: approximateTokens( text ),
			},
			finishReason: 'stop',
		};
	}

	async *stream( request: GenerateRequest ): AsyncGenerator< StreamPart > {
		const result = await this.generate( request );
		for ( const chunk of streamChunks( result.text, 3 ) ) {
			yield { type: 'text', text: chunk };
			await new Promise( ( resolve ) => setImmediate( resolve ) );
		}
		yield { type: 'finish', usage: result.usage, finishReason: 'stop' };
	}
}
