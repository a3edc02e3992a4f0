/**
 * The assistant for posts edited in the Classic Editor (the "AI Course Assistant" metabox): the same
 * conversation bound to the post, auto-saved by `mpcc/session`, sent with the classic editor's
 * content; its suggestions are previewed and inserted as HTML through the classic editor's API.
 */
import { Button, VisuallyHidden } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { Composer, DemoBanner } from '../../components/chat';
import { ErrorNotice } from '../../components/error-notice';
import { PostConversation } from '../../components/post-conversation';
import { useAutoSaveLifecycle, usePostAssistant } from '../../hooks';
import { store as sessionStore } from '../../store';
import type { EditorSuggestion } from '../../schemas/suggestions';
import {
	applyClassicSuggestion,
	readClassicContext,
	suggestionHtml,
} from './classic-editor';

export interface ClassicAssistantProps {
	postId: number;
	postType: string;
}

function SuggestionItem( {
	suggestion,
	disabled,
	onApplied,
}: {
	suggestion: EditorSuggestion;
	disabled: boolean;
	onApplied: () => void;
} ) {
	const [ failed, setFailed ] = useState( false );
	let preview = '';
	if ( suggestion.type === 'set_title' ) {
		preview = suggestion.title;
	} else if ( suggestion.type === 'set_excerpt' ) {
		preview = suggestion.excerpt;
	}
	const html =
		suggestion.type === 'insert_blocks' ||
		suggestion.type === 'replace_block'
			? suggestionHtml( suggestion.content )
			: '';
	return (
		<li className="mpcc-classic-assistant__suggestion">
			<strong>{ suggestion.label }</strong>
			{ preview && <p>{ preview }</p> }
			{ html && (
				<div
					className="mpcc-classic-assistant__preview"
					// Sanitized to text-level tags without attributes (components/block-preview).
					dangerouslySetInnerHTML={ { __html: html } }
				/>
			) }
			<Button
				variant="secondary"
				size="compact"
				disabled={ disabled }
				onClick={ () => {
					if ( applyClassicSuggestion( suggestion ) ) {
						onApplied();
					} else {
						setFailed( true );
					}
				} }
			>
				{ suggestion.type === 'set_title' ||
				suggestion.type === 'set_excerpt'
					? __( 'Apply', 'courses-copilot' )
					: __( 'Insert into the post', 'courses-copilot' ) }
				<VisuallyHidden>{ suggestion.label }</VisuallyHidden>
			</Button>
			{ failed && (
				<p className="mpcc-classic-assistant__failed" role="alert">
					{ __(
						'This screen has no field for that. Show it under Screen Options and try again.',
						'courses-copilot'
					) }
				</p>
			) }
		</li>
	);
}

export function ClassicAssistant( {
	postId,
	postType,
}: ClassicAssistantProps ) {
	const assistant = usePostAssistant( postId, postType );
	const { session, demo, ready, busy, error } = assistant;
	useAutoSaveLifecycle();
	const suggestions = useSelect(
		( select ) => select( sessionStore ).getSuggestions(),
		[]
	);
	const {
		sendAssistantMessage,
		stopMessage,
		retryMessage,
		clearRequestError,
		dismissSuggestion,
	} = useDispatch( sessionStore );
	/** What the last Insert or Apply did, said where the card was (the card goes). */
	const [ done, setDone ] = useState( '' );

	return (
		<div className="mpcc-assistant mpcc-classic-assistant">
			{ demo && <DemoBanner compact /> }
			<PostConversation
				assistant={ assistant }
				postId={ postId }
				postType={ postType }
				empty={
					<p className="mpcc-classic-assistant__empty">
						{ __(
							'Ask the copilot about this post. It reads the post as it is now, unsaved edits included; suggestions only change the post when you insert them.',
							'courses-copilot'
						) }
					</p>
				}
			>
				{ suggestions.length > 0 && (
					<ul
						className="mpcc-classic-assistant__suggestions"
						aria-label={ __( 'Suggestions', 'courses-copilot' ) }
					>
						{ suggestions.map( ( suggestion ) => (
							<SuggestionItem
								key={ suggestion.id }
								suggestion={ suggestion }
								disabled={ busy }
								onApplied={ () => {
									setDone(
										suggestion.type === 'set_title' ||
											suggestion.type === 'set_excerpt'
											? __(
													'Applied. Update the post to keep it.',
													'courses-copilot'
												)
											: __(
													'Inserted into the post. Update the post to keep it.',
													'courses-copilot'
												)
									);
									void dismissSuggestion( suggestion.id );
								} }
							/>
						) ) }
					</ul>
				) }
			</PostConversation>
			<p className="mpcc-classic-assistant__done" role="status">
				{ done }
			</p>
			{ error && (
				<ErrorNotice
					error={ error }
					compact
					onRetry={
						session.canRetry && ! busy
							? () => {
									clearRequestError( 'assistant' );
									void retryMessage( readClassicContext() );
								}
							: undefined
					}
					onDismiss={ () => clearRequestError( 'assistant' ) }
				/>
			) }
			<Composer
				draftKey={ `post-${ postId }` }
				onSend={ ( text ) => {
					setDone( '' );
					void sendAssistantMessage( text, readClassicContext() );
				} }
				onStop={ () => void stopMessage() }
				busy={ busy }
				disabled={ ! ready || session.sessionExpired }
				compact
				label={ __( 'Message to the copilot', 'courses-copilot' ) }
				placeholder={ __( 'Ask about this post…', 'courses-copilot' ) }
			/>
		</div>
	);
}
