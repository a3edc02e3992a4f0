import type { ChatMessage } from '../../src/schemas';
import type { ChatTurn } from '../providers/types';

/** The last turns of a conversation, bounded so long sessions do not grow the prompt without limit. */
export function historyTurns(
	history: readonly ChatMessage[],
	maxTurns = 20,
	maxChars = 24_000
): ChatTurn[] {
	const turns: ChatTurn[] = [];
	let chars = 0;
	for ( let i = history.length - 1; i >= 0 && turns.length < maxTurns; i-- ) {
		const message = history[ i ] as ChatMessage;
		chars += message.content.length;
		if ( chars > maxChars ) {
			break;
		}
		turns.unshift( { role: message.role, content: message.content } );
	}
	// Providers want the conversation to start with the user.
	while ( turns[ 0 ]?.role === 'assistant' ) {
		turns.shift();
	}
	return turns;
}

/** A chat task's messages: the bounded history, then the author's new message. */
export function conversationTurns( request: {
	history: readonly ChatMessage[];
	message: string;
} ): ChatTurn[] {
	return [
		...historyTurns( request.history ),
		{ role: 'user', content: request.message },
	];
}
