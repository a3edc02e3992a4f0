/**
 * Opens the right conversation: on the page, the one named in the URL (`&session=…`, kept in
 * step with the store so a reload resumes where it was), else a new one; in the modal, the one
 * already in the store, else a new one.
 */
import { useDispatch, useRegistry, useSelect } from '@wordpress/data';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { store as sessionStore } from '../../store';
import { SESSION_PARAM } from './constants';
import type { ErrorInfo } from '../../api/errors';

export type EditorMode = 'page' | 'modal';

function urlSessionId(): string | null {
	return new URLSearchParams( window.location.search ).get( SESSION_PARAM );
}

function writeUrl( sessionId: string | null ): void {
	const url = new URL( window.location.href );
	if ( ( url.searchParams.get( SESSION_PARAM ) ?? null ) === sessionId ) {
		return;
	}
	if ( sessionId ) {
		url.searchParams.set( SESSION_PARAM, sessionId );
	} else {
		url.searchParams.delete( SESSION_PARAM );
	}
	window.history.replaceState( window.history.state, '', url.toString() );
}

export function useSessionBootstrap( mode: EditorMode ) {
	const registry = useRegistry();
	const { loadSession, startSession } = useDispatch( sessionStore );
	const sessionId = useSelect(
		( select ) => select( sessionStore ).getSessionId(),
		[]
	);
	const [ ready, setReady ] = useState( false );
	/** Changes whenever another conversation is opened (views keyed on it start fresh). */
	const [ generation, setGeneration ] = useState( 0 );
	/** Why the conversation named in the URL could not be opened (a new one was started instead). */
	const [ openError, setOpenError ] = useState< ErrorInfo | null >( null );

	useEffect( () => {
		let cancelled = false;
		const run = async () => {
			const id = mode === 'page' ? urlSessionId() : null;
			const s = registry.select( sessionStore );
			if ( id ) {
				if (
					s.getSessionId() !== id &&
					! ( await loadSession( id ) )
				) {
					await startSession();
				}
			} else if (
				! s.getSessionId() &&
				s.getMessages().length === 0 &&
				! s.getCourseStructure()
			) {
				await startSession();
			}
			if ( ! cancelled ) {
				setReady( true );
				setGeneration( ( g ) => g + 1 );
			}
		};
		run();
		return () => {
			cancelled = true;
		};
	}, [] ); // eslint-disable-line react-hooks/exhaustive-deps

	useEffect( () => {
		if ( mode === 'page' && ready ) {
			writeUrl( sessionId );
		}
	}, [ mode, ready, sessionId ] );

	const open = useCallback(
		async ( id: string | null ) => {
			setOpenError( null );
			if ( id ) {
				await loadSession( id );
			} else {
				await startSession();
			}
			setGeneration( ( g ) => g + 1 );
		},
		[ loadSession, startSession ]
	);

	return {
		ready,
		generation,
		open,
		openError,
		dismissOpenError: () => setOpenError( null ),
	};
}
