/**
 * Create course: enabled when the conversation is ready to create; shows what will be made,
 * then progress, then "Edit course" and "Preview" links. The store makes a second click
 * return the same course, and the button is gone once the course exists.
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { store as sessionStore } from '../../../store';
import { ErrorNotice } from '../../../components/error-notice';
import { ConfirmDialog } from '../confirm-dialog';
import { courseLinks } from './course-links';

export function CreateCourse( {
	onSendMessage,
}: {
	onSendMessage: ( text: string ) => void;
} ) {
	const { structure, state, counts, created, creating, error, chatBusy } =
		useSelect( ( select ) => {
			const s = select( sessionStore );
			return {
				structure: s.getCourseStructure(),
				state: s.getConversationState(),
				counts: s.getStructureCounts(),
				created: s.getCreatedCourse(),
				creating: s.isRequesting( 'create' ),
				error: s.getRequestError( 'create' ),
				chatBusy: s.isRequesting( 'chat' ),
			};
		}, [] );
	const { createCourse, clearRequestError } = useDispatch( sessionStore );
	const [ confirming, setConfirming ] = useState( false );

	if ( created ) {
		const links = courseLinks( created );
		return (
			<div className="mpcc-create is-done">
				<Notice status="success" isDismissible={ false }>
					<p>
						<strong>
							{ __( 'Course created.', 'courses-copilot' ) }
						</strong>{ ' ' }
						{ created.sectionsCreated || created.lessonsCreated
							? sprintf(
									/* translators: 1: number of sections, 2: number of lessons */
									__(
										'%1$d sections and %2$d lessons were added to MemberPress Courses as drafts.',
										'courses-copilot'
									),
									created.sectionsCreated,
									created.lessonsCreated
								)
							: __(
									'It was added to MemberPress Courses as a draft.',
									'courses-copilot'
								) }
					</p>
					<p className="mpcc-create__links">
						<Button variant="primary" href={ links.edit }>
							{ __( 'Edit course', 'courses-copilot' ) }
						</Button>
						<Button
							variant="secondary"
							href={ links.preview }
							target="_blank"
							rel="noopener noreferrer"
						>
							{ __( 'Preview', 'courses-copilot' ) }
							<span className="screen-reader-text">
								{ __(
									'(opens in a new tab)',
									'courses-copilot'
								) }
							</span>
						</Button>
					</p>
				</Notice>
			</div>
		);
	}

	if ( ! structure || counts.sections === 0 ) {
		return null;
	}
	const ready = state === 'ready_to_create';
	const summary = sprintf(
		/* translators: 1: "3 sections", 2: "12 lessons" */
		__( '%1$s, %2$s', 'courses-copilot' ),
		sprintf(
			/* translators: %d: number of sections */
			_n(
				'%d section',
				'%d sections',
				counts.sections,
				'courses-copilot'
			),
			counts.sections
		),
		sprintf(
			/* translators: %d: number of lessons */
			_n( '%d lesson', '%d lessons', counts.lessons, 'courses-copilot' ),
			counts.lessons
		)
	);

	return (
		<div className="mpcc-create">
			<div className="mpcc-create__summary">
				<strong>{ summary }</strong>
				<span>
					{ sprintf(
						/* translators: 1: lessons with a draft, 2: all lessons */
						__( '%1$d of %2$d lessons drafted', 'courses-copilot' ),
						counts.withContent,
						counts.lessons
					) }
				</span>
			</div>
			{ ! ready && (
				<p className="mpcc-create__hint">
					{ __(
						'When the outline is right, tell the copilot it looks good to get it ready to create.',
						'courses-copilot'
					) }{ ' ' }
					<Button
						variant="link"
						disabled={ chatBusy }
						onClick={ () =>
							onSendMessage(
								__(
									'Looks good — ready to create.',
									'courses-copilot'
								)
							)
						}
					>
						{ __( 'Say it looks good', 'courses-copilot' ) }
					</Button>
				</p>
			) }
			<Button
				variant="primary"
				className="mpcc-create__button"
				disabled={ ! ready || creating }
				isBusy={ creating }
				onClick={ () => {
					clearRequestError( 'create' );
					setConfirming( true );
				} }
			>
				{ __( 'Create course', 'courses-copilot' ) }
			</Button>
			{ error && ! confirming && (
				<ErrorNotice
					error={ error }
					onRetry={ () => setConfirming( true ) }
					onDismiss={ () => clearRequestError( 'create' ) }
				/>
			) }
			{ confirming && (
				<ConfirmDialog
					title={ __( 'Create this course?', 'courses-copilot' ) }
					confirmLabel={
						creating
							? __( 'Creating…', 'courses-copilot' )
							: __( 'Create course', 'courses-copilot' )
					}
					isBusy={ creating }
					onCancel={ () => ! creating && setConfirming( false ) }
					onConfirm={ async () => {
						const course = await createCourse();
						if ( course ) {
							setConfirming( false );
						}
					} }
				>
					<p>
						{ __(
							'This will add to MemberPress Courses, as drafts:',
							'courses-copilot'
						) }
					</p>
					<ul className="mpcc-create__list">
						<li>
							{ sprintf(
								/* translators: %s: course title */
								__( 'The course “%s”', 'courses-copilot' ),
								structure.title ||
									__( 'Untitled course', 'courses-copilot' )
							) }
						</li>
						<li>
							{ sprintf(
								/* translators: %d: number of sections */
								_n(
									'%d section',
									'%d sections',
									counts.sections,
									'courses-copilot'
								),
								counts.sections
							) }
						</li>
						<li>
							{ sprintf(
								/* translators: 1: number of lessons, 2: lessons with drafted content */
								_n(
									'%1$d lesson (%2$d with drafted content)',
									'%1$d lessons (%2$d with drafted content)',
									counts.lessons,
									'courses-copilot'
								),
								counts.lessons,
								counts.withContent
							) }
						</li>
					</ul>
					{ creating && (
						<p className="mpcc-create__progress" role="status">
							<Spinner />{ ' ' }
							{ __(
								'Creating the course, its sections and lessons…',
								'courses-copilot'
							) }
						</p>
					) }
					{ error && <ErrorNotice error={ error } /> }
				</ConfirmDialog>
			) }
		</div>
	);
}
