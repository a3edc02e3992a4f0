/**
 * Native HTML5 drag and drop for the outline. What is being dragged lives here (dataTransfer is
 * not readable during dragover); the Move up/down buttons do the same for the keyboard.
 */
import type { DragEvent } from 'react';

export type DragItem = { kind: 'section' | 'lesson'; id: string };

let current: DragItem | null = null;

export function startDrag(
	event: DragEvent< HTMLElement >,
	item: DragItem,
	image?: Element | null
): void {
	current = item;
	event.dataTransfer.effectAllowed = 'move';
	event.dataTransfer.setData( 'text/plain', item.id );
	if ( image && typeof event.dataTransfer.setDragImage === 'function' ) {
		event.dataTransfer.setDragImage( image, 16, 16 );
	}
}

export function endDrag(): void {
	current = null;
}

export function dragging( kind: DragItem[ 'kind' ] ): DragItem | null {
	return current && current.kind === kind ? current : null;
}
