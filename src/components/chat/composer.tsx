/**
 * The message box: Enter sends, Shift+Enter starts a new line; while a reply streams the
 * Send button becomes Stop.
 */
import { Button } from '@wordpress/components';
import { useInstanceId } from '@wordpress/compose';
import { forwardRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { KeyboardEvent } from 'react';

export interface ComposerProps {
	onSend: ( text: string ) => void;
	onStop?: () => void;
	busy?: boolean;
	disabled?: boolean;
	placeholder?: string;
	label?: string;
	compact?: boolean;
}

export const Composer = forwardRef< HTMLTextAreaElement, ComposerProps >(
	function ComposerBox(
		{
			onSend,
			onStop,
			busy = false,
			disabled = false,
			placeholder,
			label,
			compact = false,
		},
		ref
	) {
		const [ value, setValue ] = useState( '' );
		const id = `mpcc-composer-${ useInstanceId( ComposerBox ) }`;
		const canSend = ! busy && ! disabled && value.trim() !== '';

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
					aria-describedby={ `${ id }-hint` }
				/>
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
							onClick={ onStop }
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
