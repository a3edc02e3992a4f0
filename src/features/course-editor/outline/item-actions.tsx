/**
 * What every outline row ends with: Move up, Move down and Delete (after the row's own actions),
 * and the row's problems below it. The labels come translated from the row, which names its kind.
 */
import { Button } from '@wordpress/components';
import { arrowDown, arrowUp, trash } from '@wordpress/icons';
import type { ReactNode } from 'react';

export function ItemActions( {
	labels,
	onMove,
	onDelete,
	children,
}: {
	labels: { up: string; down: string; remove: string };
	onMove: ( delta: number ) => void;
	onDelete: () => void;
	children?: ReactNode;
} ) {
	return (
		<div className="mpcc-item-actions">
			{ children }
			<Button
				size="small"
				icon={ arrowUp }
				label={ labels.up }
				onClick={ () => onMove( -1 ) }
			/>
			<Button
				size="small"
				icon={ arrowDown }
				label={ labels.down }
				onClick={ () => onMove( 1 ) }
			/>
			<Button
				size="small"
				icon={ trash }
				isDestructive
				label={ labels.remove }
				onClick={ onDelete }
			/>
		</div>
	);
}

export function ItemProblems( {
	id,
	problems,
}: {
	id: string;
	problems: string[];
} ) {
	return problems.length > 0 ? (
		<p id={ id } className="mpcc-item-problems">
			{ problems.join( ' ' ) }
		</p>
	) : null;
}
