/**
 * On a quiz without questions, a notice at the top of the editor (above the canvas, where the eye
 * is on a new quiz) with a "Generate questions with AI" button that opens the modal. It goes away
 * as soon as the quiz has a question block, and while the modal is open. Editor notices are used
 * because 6.5 and 6.6 both render them outside the iframed canvas and announce them to screen readers.
 */
import { __ } from '@wordpress/i18n';
import { useEffect, useRef } from '@wordpress/element';
import { useDispatch, useSelect } from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';
import { store as blockEditorStore } from '@wordpress/block-editor';

export const EMPTY_QUIZ_NOTICE_ID = 'mpcc-quiz-empty';

type NoticeActionWithVariant = {
	label: string;
	onClick: () => void;
};

interface BlockSelectors {
	getBlocks?: () => Array< { name: string } >;
}

export function EmptyQuizInvite( {
	onOpen,
	hidden = false,
}: {
	onOpen: () => void;
	hidden?: boolean;
} ) {
	// While the modal is open the answer does not matter: not watching the blocks then also keeps
	// the insertion of the generated questions from re-rendering this.
	const empty = useSelect(
		( select ) => {
			if ( hidden ) {
				return null;
			}
			const blocks =
				(
					select( blockEditorStore ) as unknown as BlockSelectors
				 )?.getBlocks?.() ?? [];
			return ! blocks.some( ( block ) =>
				/-question$/.test( block.name )
			);
		},
		[ hidden ]
	);
	const { createNotice, removeNotice } = useDispatch( noticesStore );
	// The notice keeps the callback it was created with: always call the latest one.
	const open = useRef( onOpen );
	open.current = onOpen;

	useEffect( () => {
		if ( empty ) {
			void createNotice(
				'info',
				__( 'This quiz has no questions yet.', 'courses-copilot' ),
				{
					id: EMPTY_QUIZ_NOTICE_ID,
					isDismissible: true,
					actions: [
						// `variant` reaches the Notice's button (primary) though the notices types omit it.
						{
							label: __(
								'Generate questions with AI',
								'courses-copilot'
							),
							variant: 'primary',
							onClick: () => open.current(),
						} as NoticeActionWithVariant,
					],
				}
			);
		} else {
			void removeNotice( EMPTY_QUIZ_NOTICE_ID );
		}
	}, [ empty, createNotice, removeNotice ] );
	useEffect(
		() => () => void removeNotice( EMPTY_QUIZ_NOTICE_ID ),
		[ removeNotice ]
	);
	return null;
}
