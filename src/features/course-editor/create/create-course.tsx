/**
 * Create course: enabled exactly when the outline meets the creation rules (no "looks good"
 * needed), with what stands in the way listed beside it, each reason a link to its item. Shows
 * what will be made, then progress, then "Edit course" and "Preview" links (focused, so the
 * keyboard does not fall to the page). The store makes a second click return the same course,
 * and the button is gone once the course exists.
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { store as sessionStore } from '../../../store';
import { ErrorNotice } from '../../../components/error-notice';
import { ActionsRow } from '../../../components/actions-row';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { courseLinks } from './course-links';
import type { CreationBlocker } from '../../../store/creation-rules';

/** The Create button's id: the skip link and the outline's keyboard shortcuts lead here. */
export const CREATE_BUTTON_ID = 'mpcc-create-course';
const BLOCKERS_ID = 'mpcc-create-blockers';
const SHOWN_BLOCKERS = 5;

/** The input a reason is about ("Lesson 1.3 needs a title" → lesson 1.3's title). */
function fieldIdOf( blocker: CreationBlocker ): string {
	if ( blocker.itemId === null ) {
		return blocker.field === 'description'
			? 'mpcc-course-description'
			: 'mpcc-course-title';
	}
	return blocker.itemId === blocker.sectionId
		? `mpcc-section-${ blocker.itemId }`
		: `mpcc-lesson-${ blocker.itemId }`;
}

export function CreateCourse( {
	onSendMessage,
}: {
	onSendMessage: ( text: string ) => void;
} ) {
	const {
		structure,
		state,
		counts,
		created,
		creating,
		error,
		chatBusy,
		ready,
		blockers,
	} = useSelect( ( select ) => {
		const s = select( sessionStore );
		return {
			structure: s.getCourseStructure(),
			state: s.getConversationState(),
			counts: s.getStructureCounts(),
			created: s.getCreatedCourse(),
			creating: s.isRequesting( 'create' ),
			error: s.getRequestError( 'create' ),
			chatBusy: s.isRequesting( 'chat' ),
			ready: s.canCreateCourse(),
			blockers: s.getCreationBlockers(),
		};
	}, [] );
	const { createCourse, clearRequestError, toggleSection } =
		useDispatch( sessionStore );
	const goTo = ( blocker: CreationBlocker ) => {
		if ( blocker.sectionId ) {
			toggleSection( blocker.sectionId, true ); // A lesson in a closed section is not rendered yet.
		}
		window.requestAnimationFrame( () =>
			document.getElementById( fieldIdOf( blocker ) )?.focus()
		);
	};
	const [ confirming, setConfirming ] = useState( false );
	const done = useRef< HTMLDivElement >( null );
	const justCreated = useRef( false );
	useEffect( () => {
		// The dialog and the button are gone: focus the result, not <body>.
		if ( created && justCreated.current ) {
			justCreated.current = false;
			done.current?.querySelector< HTMLElement >( 'a' )?.focus();
		}
	}, [ created ] );

	if ( created ) {
		const links = courseLinks( created );
		return (
			<div className="mpcc-create is-done" ref={ done }>
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
					<ActionsRow
						as="p"
						className="mpcc-create__links"
						actions={ [
							{
								variant: 'primary',
								href: links.edit,
								children: __(
									'Edit course',
									'courses-copilot'
								),
							},
							{
								variant: 'secondary',
								href: links.preview,
								target: '_blank',
								rel: 'noopener noreferrer',
								children: (
									<>
										{ __( 'Preview', 'courses-copilot' ) }
										<span className="screen-reader-text">
											{ __(
												'(opens in a new tab)',
												'courses-copilot'
											) }
										</span>
									</>
								),
							},
						] }
					/>
				</Notice>
			</div>
		);
	}

	if ( ! structure ) {
		return null;
	}
	// "3 sections": in the summary and in the confirmation's list.
	const sectionCount = sprintf(
		/* translators: %d: number of sections */
		_n( '%d section', '%d sections', counts.sections, 'courses-copilot' ),
		counts.sections
	);
	const summary = sprintf(
		/* translators: 1: "3 sections", 2: "12 lessons" */
		__( '%1$s, %2$s', 'courses-copilot' ),
		sectionCount,
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
			<Button
				id={ CREATE_BUTTON_ID }
				variant="primary"
				className="mpcc-create__button"
				disabled={ ! ready || creating }
				// Focusable while disabled, so keyboard users reach it and hear why.
				__experimentalIsFocusable
				aria-describedby={ ready ? undefined : BLOCKERS_ID }
				isBusy={ creating }
				onClick={ () => {
					if ( ! ready || creating ) {
						return;
					}
					clearRequestError( 'create' );
					setConfirming( true );
				} }
			>
				{ __( 'Create course', 'courses-copilot' ) }
			</Button>
			{ ! ready && blockers.length > 0 && (
				<div className="mpcc-create__blockers" id={ BLOCKERS_ID }>
					<p>
						{ __(
							'Before the course can be created:',
							'courses-copilot'
						) }
					</p>
					<ul>
						{ blockers
							.slice( 0, SHOWN_BLOCKERS )
							.map( ( blocker ) => (
								<li
									key={ `${ blocker.itemId }-${ blocker.field }` }
								>
									<Button
										variant="link"
										onClick={ () => goTo( blocker ) }
									>
										{ blocker.message }
									</Button>
								</li>
							) ) }
					</ul>
					{ blockers.length > SHOWN_BLOCKERS && (
						<p>
							{ sprintf(
								/* translators: %d: number of further problems */
								_n(
									'…and %d more, marked in the outline.',
									'…and %d more, marked in the outline.',
									blockers.length - SHOWN_BLOCKERS,
									'courses-copilot'
								),
								blockers.length - SHOWN_BLOCKERS
							) }
						</p>
					) }
				</div>
			) }
			{ ready && state !== 'ready_to_create' && (
				<p className="mpcc-create__hint">
					{ __(
						'Ready when you are. For a last look from the copilot first:',
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
						justCreated.current = true;
						const course = await createCourse();
						justCreated.current = !! course;
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
						<li>{ sectionCount }</li>
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
