import { useEffect, useRef, useState } from '@wordpress/element';
import type { ChatPanelMessage } from './types';

/** How often streamed text is handed to the live region. */
export const ANNOUNCE_INTERVAL = 1500;

/**
 * Streaming text for a polite live region, throttled: new text is announced at most every
 * ANNOUNCE_INTERVAL ms, and when the reply ends the rest of it (or all of it, when it was not
 * streamed) is announced once.
 */
export function useStreamAnnouncer(
	streamingText: string | null | undefined,
	messages: readonly ChatPanelMessage[]
): string {
	const [ announcement, setAnnouncement ] = useState( '' );
	const announced = useRef( 0 );
	const latest = useRef( '' );
	const timer = useRef< ReturnType< typeof setTimeout > | null >( null );
	const count = useRef( messages.length );

	useEffect( () => {
		if ( typeof streamingText !== 'string' ) {
			return;
		}
		latest.current = streamingText;
		if ( timer.current ) {
			return;
		}
		timer.current = setTimeout( () => {
			timer.current = null;
			const fresh = latest.current.slice( announced.current ).trim();
			announced.current = latest.current.length;
			if ( fresh ) {
				setAnnouncement( fresh );
			}
		}, ANNOUNCE_INTERVAL );
	}, [ streamingText ] );

	useEffect( () => {
		const previous = count.current;
		count.current = messages.length;
		if ( messages.length <= previous ) {
			return;
		}
		const last = messages[ messages.length - 1 ];
		if ( ! last || last.role !== 'assistant' ) {
			return;
		}
		if ( timer.current ) {
			clearTimeout( timer.current );
			timer.current = null;
		}
		const streamed = latest.current;
		const rest =
			streamed &&
			last.content.startsWith( streamed.slice( 0, announced.current ) )
				? last.content.slice( announced.current )
				: last.content;
		announced.current = 0;
		latest.current = '';
		if ( rest.trim() ) {
			setAnnouncement( rest.trim() );
		}
	}, [ messages ] );

	useEffect(
		() => () => {
			if ( timer.current ) {
				clearTimeout( timer.current );
			}
		},
		[]
	);

	return announcement;
}
