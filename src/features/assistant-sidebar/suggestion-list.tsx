/**
 * Every reply's proposals that were not dismissed, each with what became of it (applied, kept back
 * because its block changed) as the session stores it, so a new message or a reload changes
 * nothing. Apply runs through the editor's stores and offers Undo in a snackbar (the editor's own
 * Undo works as well: each apply is one undo level). A replace card whose block the author has
 * edited since shows both versions and asks before replacing.
 */
import { useDispatch, useRegistry, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { store as noticesStore } from '@wordpress/notices';
import { store as editorStore } from '@wordpress/editor';
import { store as sessionStore } from '../../store';
import type { SuggestionCardEntry } from '../../store/selectors';
import { applySuggestion } from './apply-suggestion';
import { SuggestionCard, type CardStatus } from './suggestion-card';

const NOTICE_ID = 'mpcc-assistant-applied';

/** What the last Apply of a card said, until the next one (not kept in the session). */
type Outcome =
	| { kind: 'error'; message: string }
	| { kind: 'edited'; message: string; before: string; now: string };

export interface SuggestionListProps {
	disabled?: boolean;
}

function statusOf(
	entry: SuggestionCardEntry,
	outcome: Outcome | undefined
): CardStatus {
	if ( outcome?.kind === 'edited' ) {
		return { state: 'edited', ...outcome };
	}
	if ( outcome?.kind === 'error' ) {
		return { state: 'error', message: outcome.message };
	}
	if ( entry.card.state === 'applied' ) {
		return {
			state: 'applied',
			message: __(
				'Applied. The editor’s Undo takes it back.',
				'courses-copilot'
			),
		};
	}
	if ( entry.card.state === 'stale' ) {
		return {
			state: 'stale',
			message: __(
				'Not applied: you kept your edited version of the block.',
				'courses-copilot'
			),
		};
	}
	return { state: 'idle' };
}

export function SuggestionList( { disabled = false }: SuggestionListProps ) {
	const entries = useSelect(
		( select ) => select( sessionStore ).getSuggestionCards(),
		[]
	);
	const { dismissSuggestion, setSuggestionState } =
		useDispatch( sessionStore );
	const registry = useRegistry();
	const [ outcomes, setOutcomes ] = useState<
		Record< string, Outcome | undefined >
	>( {} );

	if ( entries.length === 0 ) {
		return null;
	}

	const setOutcome = ( key: string, outcome?: Outcome ) =>
		setOutcomes( ( current ) => ( { ...current, [ key ]: outcome } ) );
	const remember = (
		entry: SuggestionCardEntry,
		state: 'applied' | 'stale'
	) => {
		if ( entry.messageIndex >= 0 ) {
			setSuggestionState( entry.messageIndex, entry.card.id, state );
		}
	};

	const apply = ( entry: SuggestionCardEntry, replaceEdited = false ) => {
		const result = applySuggestion( registry, entry.card, {
			block: entry.card.target,
			replaceEdited,
		} );
		if ( ! result.ok ) {
			setOutcome(
				entry.key,
				result.edited
					? {
							kind: 'edited',
							message: result.message,
							...result.edited,
						}
					: { kind: 'error', message: result.message }
			);
			return;
		}
		setOutcome( entry.key );
		remember( entry, 'applied' );
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
	};

	return (
		<section
			className="mpcc-assistant__suggestions"
			aria-label={ __( 'Suggestions', 'courses-copilot' ) }
		>
			<ul className="mpcc-assistant__suggestion-list">
				{ entries.map( ( entry ) => (
					<SuggestionCard
						key={ entry.key }
						cardKey={ entry.key }
						suggestion={ entry.card }
						status={ statusOf( entry, outcomes[ entry.key ] ) }
						disabled={ disabled }
						onApply={ () => apply( entry ) }
						onReplaceEdited={ () => apply( entry, true ) }
						onKeepEdited={ () => {
							setOutcome( entry.key );
							remember( entry, 'stale' );
						} }
						onDismiss={ () => {
							void dismissSuggestion(
								entry.card.id,
								entry.messageIndex >= 0
									? entry.messageIndex
									: undefined
							);
						} }
					/>
				) ) }
			</ul>
		</section>
	);
}
