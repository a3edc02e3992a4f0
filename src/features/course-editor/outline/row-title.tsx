/**
 * A section's or lesson's title, edited in place in its outline row: a screen-reader label, and an
 * input marked `data-row-title` (the arrow keys land on it, see use-roving-rows) that points to
 * the row's problems while it has any.
 */
export function RowTitle( {
	id,
	label,
	className,
	value,
	placeholder,
	problemsId,
	onChange,
}: {
	id: string;
	label: string;
	className: string;
	value: string;
	placeholder: string;
	/** The row's problems paragraph, when it has problems. */
	problemsId?: string;
	onChange: ( title: string ) => void;
} ) {
	return (
		<>
			<label htmlFor={ id } className="screen-reader-text">
				{ label }
			</label>
			<input
				id={ id }
				type="text"
				className={ `mpcc-inline-input ${ className }` }
				value={ value }
				placeholder={ placeholder }
				data-row-title
				aria-invalid={ !! problemsId || undefined }
				aria-describedby={ problemsId }
				onChange={ ( event ) => onChange( event.target.value ) }
			/>
		</>
	);
}
