import { __ } from '@wordpress/i18n';
import { Icon, dragHandle } from '@wordpress/icons';
import type { RefObject } from 'react';
import { endDrag, startDrag, type DragItem } from './drag';

/** The grip a row is dragged by (mouse only: Move up/down serve the keyboard); drags the whole row. */
export function DragHandle( {
	item,
	row,
}: {
	item: DragItem;
	row: RefObject< HTMLLIElement | null >;
} ) {
	return (
		<span
			className="mpcc-drag-handle"
			draggable
			aria-hidden="true"
			title={ __( 'Drag to reorder', 'courses-copilot' ) }
			onDragStart={ ( event ) => startDrag( event, item, row.current ) }
			onDragEnd={ endDrag }
		>
			<Icon icon={ dragHandle } />
		</span>
	);
}
