/**
 * The proxy's quality checks for one question, as short notes: good ones plain, doubtful ones as
 * warnings the instructor should look at.
 */
import { __ } from '@wordpress/i18n';
import type { QuizQualityChecks } from '../../schemas/tasks';

export interface CheckNote {
	id: keyof QuizQualityChecks;
	ok: boolean;
	text: string;
}

export function checkNotes(
	checks: QuizQualityChecks | undefined,
	type: string
): CheckNote[] {
	if ( ! checks ) {
		return [];
	}
	const notes: CheckNote[] = [
		checks.excerpt_found
			? {
					id: 'excerpt_found',
					ok: true,
					text: __(
						'Source excerpt found in the source',
						'courses-copilot'
					),
				}
			: {
					id: 'excerpt_found',
					ok: false,
					text: __(
						'Source excerpt not found in the source: check this question against the lesson',
						'courses-copilot'
					),
				},
	];
	if ( checks.duplicate ) {
		notes.push( {
			id: 'duplicate',
			ok: false,
			text: __(
				'Already in this quiz: the quiz has this question. It is not selected; select it to insert it anyway.',
				'courses-copilot'
			),
		} );
	}
	if (
		checks.correct_is_longest &&
		( type === 'multiple_choice' || type === 'multiple_answer' )
	) {
		notes.push( {
			id: 'correct_is_longest',
			ok: false,
			text: __(
				'The correct answer is the longest option, which can give it away',
				'courses-copilot'
			),
		} );
	}
	if ( ! checks.has_explanation ) {
		notes.push( {
			id: 'has_explanation',
			ok: false,
			text: __( 'No explanation', 'courses-copilot' ),
		} );
	}
	return notes;
}

export function QualityChecks( {
	checks,
	type,
}: {
	checks?: QuizQualityChecks;
	type: string;
} ) {
	const notes = checkNotes( checks, type );
	if ( ! notes.length ) {
		return null;
	}
	return (
		<ul
			className="mpcc-quiz-checks"
			aria-label={ __( 'Quality checks', 'courses-copilot' ) }
		>
			{ notes.map( ( note ) => (
				<li
					key={ note.id }
					className={
						note.ok
							? 'mpcc-quiz-checks__ok'
							: 'mpcc-quiz-checks__warning'
					}
				>
					<span aria-hidden="true">{ note.ok ? '✓ ' : '⚠ ' }</span>
					{ ! note.ok && (
						<span className="screen-reader-text">
							{ __( 'Warning:', 'courses-copilot' ) }{ ' ' }
						</span>
					) }
					{ note.text }
				</li>
			) ) }
		</ul>
	);
}
