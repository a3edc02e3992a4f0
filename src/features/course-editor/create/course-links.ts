/**
 * Links to a created course (edit, preview), shared by Create course and the read-only outline.
 */
import { getConfig } from '../../../api/config';
import type { CreatedCourse } from '../../../store/types';

/** A course loaded from a saved session carries only its id: build its links. */
export function courseLinks( course: CreatedCourse ): {
	edit: string;
	preview: string;
} {
	const config = getConfig() as ReturnType< typeof getConfig > & {
		adminUrl?: string;
	};
	const admin =
		config.adminUrl ?? config.ajaxUrl.replace( /admin-ajax\.php.*$/, '' );
	return {
		edit:
			course.editUrl ||
			`${ admin }post.php?post=${ course.courseId }&action=edit`,
		preview:
			course.previewUrl ||
			`${ admin.replace( /wp-admin\/?$/, '' ) }?p=${ course.courseId }&preview=true`,
	};
}
