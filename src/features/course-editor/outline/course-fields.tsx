import { __ } from '@wordpress/i18n';
import type { CourseStructure } from '../../../store/types';

/** The course's own title and description, edited in place above its sections. */
export function CourseFields( {
	structure,
	titleProblem,
	onTitle,
	onDescription,
}: {
	structure: CourseStructure;
	titleProblem: string | undefined;
	onTitle: ( title: string ) => void;
	onDescription: ( description: string ) => void;
} ) {
	return (
		<div className="mpcc-outline__course">
			<label htmlFor="mpcc-course-title">
				{ __( 'Course title', 'courses-copilot' ) }
			</label>
			<input
				id="mpcc-course-title"
				type="text"
				className="mpcc-inline-input mpcc-outline__title"
				aria-invalid={ !! titleProblem || undefined }
				aria-describedby={
					titleProblem ? 'mpcc-course-title-problems' : undefined
				}
				value={ structure.title }
				onChange={ ( event ) => onTitle( event.target.value ) }
			/>
			{ titleProblem && (
				<p
					id="mpcc-course-title-problems"
					className="mpcc-item-problems"
				>
					{ titleProblem }
				</p>
			) }
			<label htmlFor="mpcc-course-description">
				{ __( 'Description', 'courses-copilot' ) }
			</label>
			<textarea
				id="mpcc-course-description"
				className="mpcc-inline-input mpcc-outline__description"
				rows={ 2 }
				value={ structure.description }
				onChange={ ( event ) => onDescription( event.target.value ) }
			/>
		</div>
	);
}
