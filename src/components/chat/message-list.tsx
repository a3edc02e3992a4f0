/**
 * The conversation: the user's messages and the copilot's replies, the reply being streamed
 * last. Keeps itself scrolled to the newest message while the reader is near the bottom.
 */
import { Spinner } from '@wordpress/components';
import { useEffect, useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { ChatPanelMessage } from './types';

export interface MessageListProps {
	messages: readonly ChatPanelMessage[];
	streamingText?: string | null;
	/** Waiting for the first words of a reply. */
	waiting?: boolean;
	label?: string;
}

function Message( { message }: { message: ChatPanelMessage } ) {
	const mine = message.role === 'user';
	return (
		<li
			className={ `mpcc-message is-${ mine ? 'user' : 'assistant' }${ message.failed ? ' is-failed' : '' }` }
		>
			<span className="mpcc-message__author">
				{ mine
					? __( 'You', 'courses-copilot' )
					: __( 'Copilot', 'courses-copilot' ) }
				{ message.demo && (
					<span className="mpcc-message__badge">
						{ __( 'Demo', 'courses-copilot' ) }
					</span>
				) }
			</span>
			<div className="mpcc-message__text">{ message.content }</div>
			{ message.failed && (
				<span className="mpcc-message__failed">
					{ __( 'Not answered', 'courses-copilot' ) }
				</span>
			) }
		</li>
	);
}

export function MessageList( {
	messages,
	streamingText,
	waiting = false,
	label,
}: MessageListProps ) {
	const ref = useRef< HTMLDivElement >( null );
	const pinned = useRef( true );

	useEffect( () => {
		const node = ref.current;
		if ( node && pinned.current && typeof node.scrollTo === 'function' ) {
			node.scrollTo( { top: node.scrollHeight } );
		}
	}, [ messages, streamingText, waiting ] );

	return (
		<div
			ref={ ref }
			className="mpcc-messages"
			onScroll={ ( event ) => {
				const node = event.currentTarget;
				pinned.current =
					node.scrollHeight - node.scrollTop - node.clientHeight < 48;
			} }
			tabIndex={ 0 }
			role="region"
			aria-label={ label ?? __( 'Conversation', 'courses-copilot' ) }
		>
			<ol className="mpcc-messages__list">
				{ messages.map( ( message, index ) => (
					<Message key={ index } message={ message } />
				) ) }
				{ typeof streamingText === 'string' && streamingText !== '' && (
					<li
						className="mpcc-message is-assistant is-streaming"
						aria-busy="true"
					>
						<span className="mpcc-message__author">
							{ __( 'Copilot', 'courses-copilot' ) }
						</span>
						<div className="mpcc-message__text">
							{ streamingText }
						</div>
					</li>
				) }
				{ waiting && ! streamingText && (
					<li className="mpcc-message is-assistant is-waiting">
						<span className="mpcc-message__author">
							{ __( 'Copilot', 'courses-copilot' ) }
						</span>
						<div className="mpcc-message__text">
							<Spinner /> { __( 'Thinking…', 'courses-copilot' ) }
						</div>
					</li>
				) }
			</ol>
		</div>
	);
}
