/**
 * The outline once its course exists: read-only (edits here would never reach the course), with
 * where to change the course now and a way to start another version from a copy.
 */
import { Notice } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';
import { store as sessionStore } from '../../../store';
import { ActionsRow } from '../../../components/actions-row';
import { courseLinks } from '../create/course-links';
import type { CourseStructure, CreatedCourse } from '../../../store/types';

export function CreatedOutline( {
	structure,
	course,
}: {
	structure: CourseStructure | null;
	course: CreatedCourse;
} ) {
	const { startNewVersion } = useDispatch( sessionStore );
	const links = courseLinks( course );
	return (
		<div className="mpcc-outline is-created">
			<h2 className="mpcc-panel-title">
				{ __( 'Course outline', 'courses-copilot' ) }
			</h2>
			<Notice status="info" isDismissible={ false }>
				<p>
					{ __(
						'This outline became a course and is now read-only: changes made here would not reach it. Edit the course in MemberPress Courses, or start another version from a copy.',
						'courses-copilot'
					) }
				</p>
				<ActionsRow
					as="p"
					className="mpcc-outline__created-actions"
					actions={ [
						{
							variant: 'secondary',
							href: links.edit,
							children: __(
								'Edit the created course',
								'courses-copilot'
							),
						},
						{
							variant: 'tertiary',
							onClick: () =>
								void startNewVersion(
									structure?.title
										? sprintf(
												/* translators: %s: course title */
												__(
													'%s (new version)',
													'courses-copilot'
												),
												structure.title
											)
										: ''
								),
							children: __(
								'Create another version',
								'courses-copilot'
							),
						},
					] }
				/>
			</Notice>
			{ structure && (
				<div className="mpcc-outline__readonly">
					<h3 className="mpcc-outline__readonly-title">
						{ structure.title }
					</h3>
					{ structure.description && (
						<p>{ structure.description }</p>
					) }
					<ol
						className="mpcc-sections"
						aria-label={ __( 'Sections', 'courses-copilot' ) }
					>
						{ structure.sections.map( ( section ) => (
							<li key={ section.id } className="mpcc-section">
								<strong>{ section.title }</strong>
								<ol>
									{ section.lessons.map( ( lesson ) => (
										<li key={ lesson.id }>
											{ lesson.title }
										</li>
									) ) }
								</ol>
							</li>
						) ) }
					</ol>
				</div>
			) }
		</div>
	);
}
