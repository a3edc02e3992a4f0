/**
 * The message box: Enter sends, Shift+Enter starts a new line; while a reply streams the
 * Send button becomes Stop (which ignores the second click of a double-click on Send).
 * Characters are counted as the bridge counts them (code points), the count shows near the
 * limit, and a message over it is refused here, before anything is sent (the bridge would
 * answer 413); the text stays in the box to be shortened.
 */
import { Button } from '@wordpress/components';
import { useInstanceId } from '@wordpress/compose';
import { forwardRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { KeyboardEvent, MouseEvent } from 'react';

/**
 * The bridge's limit (Request::message) and MAX_MESSAGE_LENGTH in src/schemas/conversation.ts,
 * repeated here so the bundles do not import zod; a unit test keeps them equal.
 */
export const MESSAGE_MAX_LENGTH = 8000;
/** The count shows from this share of the limit on. */
const COUNT_FROM = 0.8;

/** Characters as PHP's mb_strlen counts them (an emoji is one, not two UTF-16 units). */
export function characterCount( text: string ): number {
	return Array.from( text ).length;
}

/** Where a box's unsent text is kept: this tab's session storage (it may be unavailable). */
const DRAFT_PREFIX = 'mpcc-composer:';

function readDraft( key: string | undefined ): string {
	try {
		return (
			( key && window.sessionStorage.getItem( DRAFT_PREFIX + key ) ) || ''
		);
	} catch {
		return '';
	}
}

function keepDraft( key: string | undefined, text: string ): void {
	if ( ! key ) {
		return;
	}
	try {
		if ( text ) {
			window.sessionStorage.setItem( DRAFT_PREFIX + key, text );
		} else {
			window.sessionStorage.removeItem( DRAFT_PREFIX + key );
		}
	} catch {
		// Storage full or blocked: the text stays in the box for as long as it is shown.
	}
}

export interface ComposerProps {
	onSend: ( text: string ) => void;
	/**
	 * Keeps the unsent text under this name for the tab's life, so closing the box (a dialog's
	 * Escape) or reloading the page does not lose it; sending clears it.
	 */
	draftKey?: string;
	onStop?: () => void;
	busy?: boolean;
	disabled?: boolean;
	placeholder?: string;
	label?: string;
	compact?: boolean;
	maxLength?: number;
}

export const Composer = forwardRef< HTMLTextAreaElement, ComposerProps >(
	function ComposerBox(
		{
			onSend,
			draftKey,
			onStop,
			busy = false,
			disabled = false,
			placeholder,
			label,
			compact = false,
			maxLength = MESSAGE_MAX_LENGTH,
		},
		ref
	) {
		const [ value, setValueNow ] = useState( () => readDraft( draftKey ) );
		const setValue = ( text: string ) => {
			setValueNow( text );
			keepDraft( draftKey, text );
		};
		const id = `mpcc-composer-${ useInstanceId( ComposerBox ) }`;
		const count = characterCount( value.trim() );
		const tooLong = count > maxLength;
		const canSend =
			! busy && ! disabled && value.trim() !== '' && ! tooLong;

		const send = () => {
			if ( ! canSend ) {
				return;
			}
			onSend( value.trim() );
			setValue( '' );
		};

		const onKeyDown = ( event: KeyboardEvent< HTMLTextAreaElement > ) => {
			if (
				event.key === 'Enter' &&
				! event.shiftKey &&
				! event.nativeEvent.isComposing
			) {
				event.preventDefault();
				send();
			}
		};

		return (
			<form
				className={ `mpcc-composer${ compact ? ' is-compact' : '' }` }
				onSubmit={ ( event ) => {
					event.preventDefault();
					send();
				} }
			>
				<label htmlFor={ id } className="screen-reader-text">
					{ label ?? __( 'Message', 'courses-copilot' ) }
				</label>
				<textarea
					ref={ ref }
					id={ id }
					className="mpcc-composer__input"
					value={ value }
					rows={ compact ? 2 : 3 }
					placeholder={
						placeholder ??
						__(
							'Describe the course you want to create…',
							'courses-copilot'
						)
					}
					disabled={ disabled }
					onChange={ ( event ) => setValue( event.target.value ) }
					onKeyDown={ onKeyDown }
					aria-describedby={ `${ id }-hint${
						tooLong ? ` ${ id }-count` : ''
					}` }
					aria-invalid={ tooLong || undefined }
				/>
				{ count >= maxLength * COUNT_FROM && (
					<p
						id={ `${ id }-count` }
						className={ `mpcc-composer__count${
							tooLong ? ' is-over' : ''
						}` }
						role={ tooLong ? 'alert' : undefined }
					>
						{ tooLong
							? sprintf(
									/* translators: 1: characters in the message, 2: the most allowed */
									__(
										'%1$s characters: messages can be at most %2$s. Shorten it to send.',
										'courses-copilot'
									),
									count.toLocaleString(),
									maxLength.toLocaleString()
								)
							: sprintf(
									/* translators: 1: characters in the message, 2: the most allowed */
									__(
										'%1$s of %2$s characters',
										'courses-copilot'
									),
									count.toLocaleString(),
									maxLength.toLocaleString()
								) }
					</p>
				) }
				<div className="mpcc-composer__bar">
					<span id={ `${ id }-hint` } className="mpcc-composer__hint">
						{ __(
							'Enter to send, Shift+Enter for a new line',
							'courses-copilot'
						) }
					</span>
					{ busy && onStop ? (
						<Button
							variant="secondary"
							onClick={ ( event: MouseEvent ) => {
								// Stop takes Send's place: the second click of a double-click on Send lands here.
								if ( event.detail < 2 ) {
									onStop();
								}
							} }
							className="mpcc-composer__stop"
						>
							{ __( 'Stop', 'courses-copilot' ) }
						</Button>
					) : (
						<Button
							variant="primary"
							type="submit"
							disabled={ ! canSend }
							className="mpcc-composer__send"
						>
							{ __( 'Send', 'courses-copilot' ) }
						</Button>
					) }
				</div>
			</form>
		);
	}
);
