/**
 * Every reply's proposals that were not dismissed, each with what became of it (applied, kept back
 * because its block changed) as the session stores it, so a new message or a reload changes
 * nothing. Apply runs through the editor's stores and offers Undo in a snackbar (the editor's own
 * Undo works as well: each apply is one undo level); once what it applied is no longer in the post,
 * the card is open again. A replace card whose block the author has edited since shows both
 * versions and asks before replacing.
 */
import { useDispatch, useRegistry, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { store as blockEditorStore } from '@wordpress/block-editor';
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

/**
 * Keys (one per line) of the applied cards whose change is no longer in the post (the editor's Undo
 * took it back, or the author changed it since): the title or excerpt differs, or none of the
 * blocks it put in (known for applies made on this page) is left.
 */
function useUndoneCards(
	entries: SuggestionCardEntry[],
	placed: Record< string, string[] >
): string {
	return useSelect(
		( select ) => {
			const editor = select( editorStore ) as unknown as {
				getEditedPostAttribute: ( name: string ) => unknown;
			};
			const blocks = select( blockEditorStore );
			return (
				entries
					.filter( ( { key, card } ) => {
						if ( card.state !== 'applied' ) {
							return false;
						}
						if ( card.type === 'set_title' ) {
							return (
								editor.getEditedPostAttribute( 'title' ) !==
								card.title
							);
						}
						if ( card.type === 'set_excerpt' ) {
							return (
								editor.getEditedPostAttribute( 'excerpt' ) !==
								card.excerpt
							);
						}
						const ids = placed[ key ] ?? [];
						return (
							ids.length > 0 &&
							ids.every( ( id ) => ! blocks.getBlock( id ) )
						);
					} )
					.map( ( { key } ) => key )
					// One string, not a new array per call: useSelect compares by reference.
					.join( '\n' )
			);
		},
		[ entries, placed ]
	);
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
	/** The blocks each card put in the post on this page, to see an Undo take them out. */
	const [ placed, setPlaced ] = useState< Record< string, string[] > >( {} );
	const undoneKeys = useUndoneCards( entries, placed );
	useEffect( () => {
		const undone = undoneKeys.split( '\n' );
		// Open again, as the session keeps it: Apply is what the card offers once more.
		for ( const entry of entries ) {
			if ( undone.includes( entry.key ) && entry.messageIndex >= 0 ) {
				setSuggestionState( entry.messageIndex, entry.card.id, null );
			}
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ undoneKeys ] );

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
		setPlaced( ( current ) => ( {
			...current,
			[ entry.key ]: result.clientIds,
		} ) );
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
