/**
 * The proposals of the latest reply. Apply runs through the editor's stores and offers Undo in a
 * snackbar (the editor's own Undo works as well: each apply is one undo level).
 */
import { useDispatch, useRegistry, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { store as noticesStore } from '@wordpress/notices';
import { store as editorStore } from '@wordpress/editor';
import { store as sessionStore } from '../../store';
import type { EditorSuggestion } from '../../schemas/suggestions';
import { applySuggestion } from './apply-suggestion';
import { SuggestionCard, type CardStatus } from './suggestion-card';

const IDLE: CardStatus = { state: 'idle' };
const NOTICE_ID = 'mpcc-assistant-applied';

export interface SuggestionListProps {
	/** The block selected when the latest message was sent (replace_block targets it). */
	targetClientId?: string | null;
	disabled?: boolean;
}

export function SuggestionList( {
	targetClientId = null,
	disabled = false,
}: SuggestionListProps ) {
	const suggestions = useSelect(
		( select ) => select( sessionStore ).getSuggestions(),
		[]
	);
	const { dismissSuggestion } = useDispatch( sessionStore );
	const registry = useRegistry();
	const [ statuses, setStatuses ] = useState< Record< string, CardStatus > >(
		{}
	);

	if ( suggestions.length === 0 ) {
		return null;
	}

	const apply = ( suggestion: EditorSuggestion ) => {
		const result = applySuggestion( registry, suggestion, {
			clientId: targetClientId,
		} );
		setStatuses( ( current ) => ( {
			...current,
			[ suggestion.id ]: result.ok
				? {
						state: 'applied',
						message: __(
							'Applied. The editor’s Undo takes it back.',
							'courses-copilot'
						),
					}
				: { state: 'error', message: result.message },
		} ) );
		if ( result.ok ) {
			registry
				.dispatch( noticesStore )
				.createNotice( 'success', result.message, {
					id: NOTICE_ID,
					type: 'snackbar',
					actions: [
						{
							label: __( 'Undo', 'courses-copilot' ),
							onClick: () => {
								registry.dispatch( editorStore ).undo();
							},
						},
					],
				} );
		}
	};

	return (
		<section
			className="mpcc-assistant__suggestions"
			aria-label={ __( 'Suggestions', 'courses-copilot' ) }
		>
			<ul className="mpcc-assistant__suggestion-list">
				{ suggestions.map( ( suggestion ) => (
					<SuggestionCard
						key={ suggestion.id }
						suggestion={ suggestion }
						status={ statuses[ suggestion.id ] ?? IDLE }
						disabled={ disabled }
						onApply={ () => apply( suggestion ) }
						onDismiss={ () => {
							dismissSuggestion( suggestion.id );
						} }
					/>
				) ) }
			</ul>
		</section>
	);
}
