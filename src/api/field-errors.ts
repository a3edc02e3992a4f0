/**
 * The bridge's field errors in words. A refused request (400 mpcc_invalid_parameter, 413
 * mpcc_payload_too_large) carries `errors: ["course_structure.sections.1.lessons.2.title: expected
 * at most 5000 characters", …]`; the author reads "The title of lesson 2.3 is too long (the most is
 * 5000 characters)." instead of "The request was not valid.".
 */
import { __, sprintf } from '@wordpress/i18n';

/** Where a field error points in the outline: section and lesson by position (0-based). */
export interface FieldLocation {
	sectionIndex: number | null;
	lessonIndex: number | null;
}

const OUTLINE_PATH =
	/^(?:course_structure\.)?sections(?:\.(\d+)(?:\.(title|description|lessons)(?:\.(\d+)(?:\.(\w+))?)?)?)?$/;

export function locateField( path: string ): FieldLocation | null {
	const match = OUTLINE_PATH.exec( path );
	if ( ! match ) {
		return null;
	}
	return {
		sectionIndex: match[ 1 ] !== undefined ? Number( match[ 1 ] ) : null,
		lessonIndex: match[ 3 ] !== undefined ? Number( match[ 3 ] ) : null,
	};
}

/** "The title of lesson 2.3", "Section 2", "The course title" … */
function nameOf( path: string ): { name: string; item: string | null } {
	const match = OUTLINE_PATH.exec( path );
	if ( match ) {
		const section = match[ 1 ] !== undefined ? Number( match[ 1 ] ) + 1 : 0;
		const lesson = match[ 3 ] !== undefined ? Number( match[ 3 ] ) + 1 : 0;
		const field = lesson ? match[ 4 ] : match[ 2 ];
		if ( lesson ) {
			const number = `${ section }.${ lesson }`;
			const item = sprintf(
				/* translators: %s: lesson number, e.g. 1.3 */
				__( 'Lesson %s', 'courses-copilot' ),
				number
			);
			switch ( field ) {
				case 'title':
					return {
						name: sprintf(
							/* translators: %s: lesson number, e.g. 1.3 */
							__( 'The title of lesson %s', 'courses-copilot' ),
							number
						),
						item,
					};
				case 'content':
					return {
						name: sprintf(
							/* translators: %s: lesson number, e.g. 1.3 */
							__( 'The draft of lesson %s', 'courses-copilot' ),
							number
						),
						item,
					};
				case 'summary':
					return {
						name: sprintf(
							/* translators: %s: lesson number, e.g. 1.3 */
							__( 'The summary of lesson %s', 'courses-copilot' ),
							number
						),
						item,
					};
				default:
					return { name: item, item };
			}
		}
		if ( section ) {
			const item = sprintf(
				/* translators: %d: section number */
				__( 'Section %d', 'courses-copilot' ),
				section
			);
			switch ( field ) {
				case 'title':
					return {
						name: sprintf(
							/* translators: %d: section number */
							__( 'The title of section %d', 'courses-copilot' ),
							section
						),
						item,
					};
				case 'description':
					return {
						name: sprintf(
							/* translators: %d: section number */
							__(
								'The description of section %d',
								'courses-copilot'
							),
							section
						),
						item,
					};
				default:
					return { name: item, item };
			}
		}
		return { name: __( 'The outline', 'courses-copilot' ), item: null };
	}
	const message = /^messages\.(\d+)/.exec( path );
	if ( message ) {
		return {
			name: sprintf(
				/* translators: %d: message number in the conversation */
				__( 'Message %d', 'courses-copilot' ),
				Number( message[ 1 ] ) + 1
			),
			item: null,
		};
	}
	switch ( path.replace( /^course_structure\./, '' ) ) {
		case 'title':
			return {
				name: __( 'The course title', 'courses-copilot' ),
				item: __( 'The course', 'courses-copilot' ),
			};
		case 'description':
			return {
				name: __( 'The course description', 'courses-copilot' ),
				item: null,
			};
		case 'session_data':
			return {
				name: __( 'This conversation', 'courses-copilot' ),
				item: null,
			};
		case 'course_data':
			return {
				name: __( 'The course outline', 'courses-copilot' ),
				item: null,
			};
		case 'messages':
			return {
				name: __( 'The conversation', 'courses-copilot' ),
				item: null,
			};
		default:
			return { name: path, item: null };
	}
}

function sizeInWords( bytes: number ): string {
	return bytes >= 1048576
		? sprintf(
				/* translators: %s: size in megabytes */
				__( '%s MB', 'courses-copilot' ),
				( bytes / 1048576 ).toFixed( 0 )
			)
		: sprintf(
				/* translators: %s: size in kilobytes */
				__( '%s kB', 'courses-copilot' ),
				( bytes / 1024 ).toFixed( 0 )
			);
}

/** One "path: problem" line from the bridge in words. */
export function describeFieldError( error: string ): string {
	const split = error.indexOf( ': ' );
	const path = split === -1 ? error : error.slice( 0, split );
	const problem = split === -1 ? '' : error.slice( split + 2 );
	const { name, item } = nameOf( path );
	let limit = /at most (\d+) characters/.exec( problem );
	if ( limit ) {
		return sprintf(
			/* translators: 1: what, e.g. "The title of lesson 1.3", 2: the most characters allowed */
			__(
				'%1$s is too long (the most is %2$d characters).',
				'courses-copilot'
			),
			name,
			Number( limit[ 1 ] )
		);
	}
	limit = /at most (\d+) bytes/.exec( problem );
	if ( limit ) {
		return sprintf(
			/* translators: 1: what, e.g. "This conversation", 2: a size such as "1 MB" */
			__(
				'%1$s is too large to send (the most is %2$s).',
				'courses-copilot'
			),
			name,
			sizeInWords( Number( limit[ 1 ] ) )
		);
	}
	limit = /at most (\d+) (items|lessons in all)/.exec( problem );
	if ( limit ) {
		return sprintf(
			/* translators: 1: what, e.g. "Section 2", 2: the most allowed */
			__(
				'%1$s has too many items (the most is %2$d).',
				'courses-copilot'
			),
			item ?? name,
			Number( limit[ 1 ] )
		);
	}
	if ( /at least 1 characters/.test( problem ) && item ) {
		return sprintf(
			/* translators: %s: "Lesson 1.3", "Section 2" or "The course" */
			__( '%s needs a title.', 'courses-copilot' ),
			item
		);
	}
	if ( /at least 1 (items|lesson)/.test( problem ) ) {
		return __(
			'Add a section with at least one lesson.',
			'courses-copilot'
		);
	}
	return sprintf(
		/* translators: %s: what, e.g. "Lesson 1.3" */
		__( '%s is not in the expected form.', 'courses-copilot' ),
		name
	);
}

/** The first few field errors in words, or null when the reply named none. */
export function describeFieldErrors( errors: unknown ): string | null {
	if ( ! Array.isArray( errors ) ) {
		return null;
	}
	const lines = errors
		.filter( ( e ): e is string => typeof e === 'string' && e !== '' )
		.slice( 0, 3 )
		.map( describeFieldError );
	return lines.length ? lines.join( ' ' ) : null;
}
