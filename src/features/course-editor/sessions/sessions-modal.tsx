/**
 * Previous conversations: the course-design sessions only (the assistant sidebar's belong to their
 * post), newest first, a page at a time, each with its state and date; searchable by title; resume,
 * rename, delete (confirmed).
 */
import { Button, Modal, Spinner } from '@wordpress/components';
import { useDebounce } from '@wordpress/compose';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useMemo, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { store as sessionStore } from '../../../store';
import { ErrorNotice } from '../../../components/error-notice';
import { ActionsRow } from '../../../components/actions-row';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import type { SessionSummary } from '../../../store/types';
import { STATE_LABELS, when } from './session-labels';

export const SESSIONS_PER_PAGE = 20;

function SessionRow( {
	item,
	current,
	onResume,
	onDelete,
}: {
	item: SessionSummary;
	current: boolean;
	onResume: () => void;
	onDelete: () => void;
} ) {
	const { renameSession } = useDispatch( sessionStore );
	const [ renaming, setRenaming ] = useState( false );
	const [ title, setTitle ] = useState( item.title );
	const renameInput = useRef< HTMLInputElement >( null );
	const renameButton = useRef< HTMLButtonElement >( null );
	const wasRenaming = useRef( false );
	useEffect( () => {
		if ( renaming ) {
			renameInput.current?.focus();
		} else if ( wasRenaming.current ) {
			// The form is gone: back to "Rename", so focus stays in the dialog (and Esc still closes it).
			renameButton.current?.focus();
		}
		wasRenaming.current = renaming;
	}, [ renaming ] );
	const name = item.title || __( 'Untitled conversation', 'courses-copilot' );
	const inputId = `mpcc-rename-${ item.session_id }`;
	// Each button names its conversation to screen readers ("Resume <title>").
	const named = ( text: string ) => (
		<>
			{ text }
			<span className="screen-reader-text">{ name }</span>
		</>
	);

	return (
		<li
			className={ `mpcc-sessions__item${ current ? ' is-current' : '' }` }
		>
			{ renaming ? (
				<form
					className="mpcc-sessions__rename"
					onSubmit={ async ( event ) => {
						event.preventDefault();
						if ( await renameSession( title, item.session_id ) ) {
							setRenaming( false );
						}
					} }
				>
					<label htmlFor={ inputId } className="screen-reader-text">
						{ __( 'Conversation title', 'courses-copilot' ) }
					</label>
					<input
						id={ inputId }
						type="text"
						value={ title }
						ref={ renameInput }
						onChange={ ( event ) => setTitle( event.target.value ) }
						onKeyDown={ ( event ) => {
							if ( event.key === 'Escape' ) {
								// Esc leaves the rename, not the whole dialog.
								event.stopPropagation();
								setRenaming( false );
							}
						} }
					/>
					<Button
						variant="primary"
						size="compact"
						type="submit"
						disabled={ ! title.trim() }
					>
						{ __( 'Save', 'courses-copilot' ) }
					</Button>
					<Button
						variant="tertiary"
						size="compact"
						onClick={ () => setRenaming( false ) }
					>
						{ __( 'Cancel', 'courses-copilot' ) }
					</Button>
				</form>
			) : (
				<div className="mpcc-sessions__info">
					<span className="mpcc-sessions__title">
						{ name }
						{ current && (
							<span className="mpcc-badge">
								{ __( 'Open now', 'courses-copilot' ) }
							</span>
						) }
					</span>
					<span className="mpcc-sessions__meta">
						{ STATE_LABELS[ item.conversation_state ]?.() ?? '' } ·{ ' ' }
						{ when( item.updated_at ) }
					</span>
				</div>
			) }
			{ ! renaming && (
				<ActionsRow
					className="mpcc-sessions__actions"
					size="compact"
					actions={ [
						{
							variant: 'secondary',
							onClick: onResume,
							disabled: current,
							children: named(
								__( 'Resume', 'courses-copilot' )
							),
						},
						{
							ref: renameButton,
							variant: 'tertiary',
							onClick: () => {
								setTitle( item.title );
								setRenaming( true );
							},
							children: named(
								__( 'Rename', 'courses-copilot' )
							),
						},
						{
							variant: 'tertiary',
							isDestructive: true,
							onClick: onDelete,
							children: named(
								__( 'Delete', 'courses-copilot' )
							),
						},
					] }
				/>
			) }
		</li>
	);
}

export function SessionsModal( {
	onClose,
	onResume,
}: {
	onClose: () => void;
	onResume: ( id: string ) => void;
} ) {
	const [ search, setSearch ] = useState( '' );
	const [ query, setQuery ] = useState( {
		page: 1,
		perPage: SESSIONS_PER_PAGE,
		search: '',
	} );
	const { items, total, loading, error, currentId } = useSelect(
		( select ) => {
			const s = select( sessionStore );
			return {
				items: s.getSessionList( query ),
				total: s.getSessionListTotal(),
				loading: s.isRequesting( 'sessions' ),
				error: s.getRequestError( 'sessions' ),
				currentId: s.getSessionId(),
			};
		},
		[ query ]
	);
	const page = query.page;
	const {
		deleteSession,
		clearRequestError,
		invalidateResolution,
		invalidateResolutionForStoreSelector,
	} = useDispatch( sessionStore );
	const [ deleting, setDeleting ] = useState< SessionSummary | null >( null );
	// The list is read through a resolver: asking again means forgetting the answer first.
	const fetchPage = ( pageNumber: number, term: string = search ) => {
		const next = {
			page: pageNumber,
			perPage: SESSIONS_PER_PAGE,
			search: term,
		};
		invalidateResolution( 'getSessionList', [ next ] );
		setQuery( next );
	};
	const fetchLater = useDebounce(
		( term: string ) => fetchPage( 1, term ),
		300
	);
	const pages = Math.max( 1, Math.ceil( total / SESSIONS_PER_PAGE ) );

	useEffect(
		// Opened again later, the modal fetches afresh.
		() => () => {
			invalidateResolutionForStoreSelector( 'getSessionList' );
		},
		[ invalidateResolutionForStoreSelector ]
	);

	const sorted = useMemo(
		() =>
			items
				.filter(
					( item ) =>
						! search.trim() ||
						item.title
							.toLowerCase()
							.includes( search.trim().toLowerCase() )
				)
				.slice()
				.sort( ( a, b ) => ( a.updated_at < b.updated_at ? 1 : -1 ) ),
		[ items, search ]
	);

	return (
		<Modal
			title={ __( 'Previous conversations', 'courses-copilot' ) }
			onRequestClose={ onClose }
			className="mpcc-sessions"
			size="medium"
		>
			<div className="mpcc-sessions__search">
				<label htmlFor="mpcc-sessions-search">
					{ __( 'Search by title', 'courses-copilot' ) }
				</label>
				<input
					id="mpcc-sessions-search"
					type="search"
					value={ search }
					onChange={ ( event ) => {
						setSearch( event.target.value );
						fetchLater( event.target.value );
					} }
				/>
			</div>
			{ error && (
				<ErrorNotice
					error={ error }
					onRetry={ () => fetchPage( page ) }
					onDismiss={ () => clearRequestError( 'sessions' ) }
				/>
			) }
			{ loading && items.length === 0 && (
				<p>
					<Spinner />{ ' ' }
					{ __( 'Loading conversations…', 'courses-copilot' ) }
				</p>
			) }
			{ ! loading && sorted.length === 0 && (
				<p className="mpcc-sessions__empty">
					{ search
						? __(
								'No conversations match that title.',
								'courses-copilot'
							)
						: __(
								'No saved conversations yet.',
								'courses-copilot'
							) }
				</p>
			) }
			{ sorted.length > 0 && (
				<ul
					className="mpcc-sessions__list"
					aria-label={ __(
						'Conversations, newest first',
						'courses-copilot'
					) }
				>
					{ sorted.map( ( item ) => (
						<SessionRow
							key={ item.session_id }
							item={ item }
							current={ item.session_id === currentId }
							onResume={ () => onResume( item.session_id ) }
							onDelete={ () => setDeleting( item ) }
						/>
					) ) }
				</ul>
			) }
			{ pages > 1 && (
				<nav
					className="mpcc-sessions__pages"
					aria-label={ __( 'Conversation pages', 'courses-copilot' ) }
				>
					<Button
						variant="secondary"
						size="compact"
						disabled={ page <= 1 || loading }
						onClick={ () => fetchPage( page - 1 ) }
					>
						{ __( 'Newer', 'courses-copilot' ) }
					</Button>
					<span aria-live="polite">
						{ sprintf(
							/* translators: 1: page number, 2: number of pages, 3: number of conversations */
							__(
								'Page %1$d of %2$d (%3$d conversations)',
								'courses-copilot'
							),
							page,
							pages,
							total
						) }
					</span>
					<Button
						variant="secondary"
						size="compact"
						disabled={ page >= pages || loading }
						onClick={ () => fetchPage( page + 1 ) }
					>
						{ __( 'Older', 'courses-copilot' ) }
					</Button>
				</nav>
			) }
			{ deleting && (
				<ConfirmDialog
					title={ __( 'Delete conversation?', 'courses-copilot' ) }
					confirmLabel={ __( 'Delete', 'courses-copilot' ) }
					isDestructive
					isBusy={ loading }
					onCancel={ () => setDeleting( null ) }
					onConfirm={ async () => {
						await deleteSession( deleting.session_id );
						setDeleting( null );
						// Later conversations move up into this page.
						if ( total > SESSIONS_PER_PAGE ) {
							fetchPage(
								Math.min(
									page,
									Math.ceil(
										( total - 1 ) / SESSIONS_PER_PAGE
									) || 1
								)
							);
						}
					} }
				>
					<p>
						{ sprintf(
							/* translators: %s: conversation title */
							__(
								'“%s” and its lesson drafts will be deleted. Courses already created from it stay.',
								'courses-copilot'
							),
							deleting.title ||
								__( 'Untitled conversation', 'courses-copilot' )
						) }
					</p>
				</ConfirmDialog>
			) }
		</Modal>
	);
}
