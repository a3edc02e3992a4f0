/**
 * Drafting every lesson still without content: the button that starts it, then its progress
 * with a way to stop.
 */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, _n, sprintf } from '@wordpress/i18n';
import { store as sessionStore } from '../../../store';

export function DraftAllLessons() {
	const { progress, busy, counts } = useSelect( ( select ) => {
		const s = select( sessionStore );
		return {
			progress: s.getContentProgress(),
			busy: s.isRequesting( 'content' ),
			counts: s.getStructureCounts(),
		};
	}, [] );
	const { generateAllLessonContent, stopContentGeneration } =
		useDispatch( sessionStore );

	if ( busy && progress && progress.total > 1 ) {
		return (
			<div className="mpcc-outline__progress">
				<label htmlFor="mpcc-draft-progress">
					{ sprintf(
						/* translators: 1: lessons drafted, 2: lessons to draft */
						__(
							'Drafting lessons: %1$d of %2$d',
							'courses-copilot'
						),
						progress.done,
						progress.total
					) }
				</label>
				<progress
					id="mpcc-draft-progress"
					max={ progress.total }
					value={ progress.done }
				/>
				<Button
					variant="link"
					onClick={ () => stopContentGeneration() }
				>
					{ __( 'Stop', 'courses-copilot' ) }
				</Button>
			</div>
		);
	}
	const remaining = counts.lessons - counts.withContent;
	if ( counts.lessons === 0 || remaining <= 0 ) {
		return null;
	}
	return (
		<Button
			variant="secondary"
			disabled={ busy }
			onClick={ () => generateAllLessonContent() }
		>
			{ sprintf(
				/* translators: %d: number of lessons without a draft */
				_n(
					'Draft %d remaining lesson',
					'Draft all %d remaining lessons',
					remaining,
					'courses-copilot'
				),
				remaining
			) }
		</Button>
	);
}
