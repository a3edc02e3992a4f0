/**
 * The overall quality score the bridge sends with generated questions (`quality_score`, 0–100),
 * shown above the preview: a number and a word for it, with a meter for sighted users.
 */
import { __, sprintf } from '@wordpress/i18n';

export function qualityWord( score: number ): string {
	if ( score >= 80 ) {
		return __( 'good', 'courses-copilot' );
	}
	if ( score >= 50 ) {
		return __( 'fair — review the flagged questions', 'courses-copilot' );
	}
	return __( 'weak — review before inserting', 'courses-copilot' );
}

export function QualityScore( { score }: { score: number } ) {
	const value = Math.max( 0, Math.min( 100, Math.round( score ) ) );
	return (
		<p className="mpcc-quiz-modal__score">
			<span className="mpcc-quiz-modal__score-text">
				{ sprintf(
					/* translators: 1: score from 0 to 100, 2: what the score means */
					__( 'Quality score: %1$d/100 (%2$s)', 'courses-copilot' ),
					value,
					qualityWord( value )
				) }
			</span>
			<meter
				className="mpcc-quiz-modal__score-meter"
				min={ 0 }
				max={ 100 }
				low={ 50 }
				high={ 80 }
				optimum={ 100 }
				value={ value }
				aria-hidden="true"
			/>
		</p>
	);
}
