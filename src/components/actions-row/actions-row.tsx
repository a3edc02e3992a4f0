/**
 * A row of buttons under one wrapper: the action rows of cards, dialogs, notices and toolbars.
 * Each action is a Button's own props, its text as `children`. A falsy entry is left out (its
 * place keeps its key), so a row can list a button that shows only sometimes.
 */
import { Button } from '@wordpress/components';
import type { ComponentPropsWithRef, HTMLAttributes } from 'react';

export type RowAction = ComponentPropsWithRef< typeof Button >;

export interface ActionsRowProps extends HTMLAttributes< HTMLElement > {
	actions: Array< RowAction | false | null | undefined >;
	/** The wrapper: a div, or a span or p where the row sits in a line of text. */
	as?: 'div' | 'span' | 'p';
	/** The size of every button that does not name its own. */
	size?: RowAction[ 'size' ];
}

export function ActionsRow( {
	actions,
	as: Wrapper = 'div',
	size,
	children,
	...wrapperProps
}: ActionsRowProps ) {
	return (
		<Wrapper { ...wrapperProps }>
			{ actions.map(
				( action, index ) =>
					action && (
						<Button key={ index } size={ size } { ...action } />
					)
			) }
			{ children }
		</Wrapper>
	);
}
