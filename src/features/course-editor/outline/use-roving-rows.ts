/**
 * Roving tabindex for the outline (issue 18 item 15): the list is one stop in the Tab order —
 * the controls of one row (the last one used, else the first) — and Up/Down, Home/End move
 * between rows, landing on the row's title. A 9-lesson outline no longer costs 80 Tab presses.
 *
 * Rows are marked in the markup: every element with `data-row="<key>"` belongs to that row (a
 * section's title line, its description and its "Add lesson" share the section's key), and the
 * row's title input carries `data-row-title`. Controls outside any row stay tabbable.
 */
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import type { KeyboardEvent, RefObject } from 'react';

const FOCUSABLE = 'input, textarea, select, button, a[href]';

/** An attribute selector for a row key (ids are slugs, but a model could send quotes). */
const rowSelector = ( key: string ) =>
	`[data-row="${ key.replace( /["\\]/g, '\\$&' ) }"]`;

function rowKeys( list: HTMLElement ): string[] {
	const keys: string[] = [];
	list.querySelectorAll< HTMLElement >( '[data-row]' ).forEach( ( el ) => {
		const key = el.dataset.row as string;
		if ( ! keys.includes( key ) ) {
			keys.push( key );
		}
	} );
	return keys;
}

function titleOf( list: HTMLElement, key: string ): HTMLElement | null {
	return list.querySelector< HTMLElement >(
		`${ rowSelector( key ) } [data-row-title], ${ rowSelector( key ) }[data-row-title]`
	);
}

export function useRovingRows( list: RefObject< HTMLElement > ) {
	const [ current, setCurrent ] = useState< string | null >( null );
	const currentRef = useRef( current );
	currentRef.current = current;

	// After every render: only the current row's controls are in the Tab order.
	useEffect( () => {
		const root = list.current;
		if ( ! root ) {
			return;
		}
		const keys = rowKeys( root );
		const active =
			current && keys.includes( current )
				? current
				: ( keys[ 0 ] ?? null );
		root.querySelectorAll< HTMLElement >( '[data-row]' ).forEach(
			( row ) => {
				const inRow = row.dataset.row === active;
				const controls = [
					...( row.matches( FOCUSABLE ) ? [ row ] : [] ),
					...Array.from(
						row.querySelectorAll< HTMLElement >( FOCUSABLE )
					),
				];
				controls.forEach( ( control ) => {
					// A nested row (a lesson inside its section's body) decides for its own controls.
					if ( control.closest( '[data-row]' ) !== row ) {
						return;
					}
					if ( inRow ) {
						if ( control.dataset.rovingOff !== undefined ) {
							control.removeAttribute( 'tabindex' );
							delete control.dataset.rovingOff;
						}
					} else if ( control.getAttribute( 'tabindex' ) !== '-1' ) {
						control.setAttribute( 'tabindex', '-1' );
						control.dataset.rovingOff = '';
					}
				} );
			}
		);
	} );

	const onFocus = useCallback( ( event: { target: EventTarget } ) => {
		const row = ( event.target as HTMLElement ).closest< HTMLElement >(
			'[data-row]'
		);
		if ( row?.dataset.row && row.dataset.row !== currentRef.current ) {
			setCurrent( row.dataset.row );
		}
	}, [] );

	const onKeyDown = useCallback(
		( event: KeyboardEvent< HTMLElement > ) => {
			const root = list.current;
			const target = event.target as HTMLElement;
			if (
				! root ||
				event.altKey ||
				event.ctrlKey ||
				event.metaKey ||
				target.tagName === 'TEXTAREA' ||
				target.isContentEditable ||
				target.closest( '[data-roving-skip]' )
			) {
				return;
			}
			const row = target.closest< HTMLElement >( '[data-row]' );
			if ( ! row ) {
				return;
			}
			const keys = rowKeys( root );
			const index = keys.indexOf( row.dataset.row as string );
			let next = -1;
			switch ( event.key ) {
				case 'ArrowDown':
					next = Math.min( keys.length - 1, index + 1 );
					break;
				case 'ArrowUp':
					next = Math.max( 0, index - 1 );
					break;
				case 'Home':
				case 'End':
					// In a text field Home/End move the caret; elsewhere they jump to the ends.
					if ( target.tagName === 'INPUT' ) {
						return;
					}
					next = event.key === 'Home' ? 0 : keys.length - 1;
					break;
				default:
					return;
			}
			event.preventDefault();
			const key = keys[ next ];
			if ( key ) {
				setCurrent( key );
				titleOf( root, key )?.focus();
			}
		},
		[ list ]
	);

	return { onFocus, onKeyDown, setCurrent };
}
