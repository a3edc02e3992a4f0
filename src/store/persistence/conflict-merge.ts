/**
 * A 409 on auto-save (another tab or window saved first) is merged when the two copies changed
 * different things, and asked about only when they collide. The three copies: `base` (the server's
 * at the revision this copy builds on), `server` (its copy now) and `local`; the local edit marks
 * say what this copy changed. A collision is a field both changed to different values, an item one
 * side deleted while the other changed it, or the title changed on both sides.
 */
import { COURSE_MARK } from '../merge';
import { ensureIds, findLesson } from '../structure';
import type { CourseStructure, EditMark, ServerSession } from '../types';

type Item = Record< string, unknown > | null | undefined;

function findItem( structure: CourseStructure | null, id: string ): Item {
	if ( ! structure ) {
		return null;
	}
	if ( id === COURSE_MARK ) {
		return structure as unknown as Item;
	}
	const section = structure.sections.find( ( s ) => s.id === id );
	return ( section ??
		findLesson( structure, id )?.lesson ??
		null ) as unknown as Item;
}

const text = ( value: unknown ) =>
	value === undefined || value === null ? '' : JSON.stringify( value );

/** Both sides changed it, to different values. */
function bothChanged( base: unknown, server: unknown, local: unknown ) {
	return text( server ) !== text( base ) && text( server ) !== text( local );
}

export function collides( {
	base,
	baseTitle,
	marks,
	local,
	localTitle,
	server,
}: {
	base: CourseStructure | null;
	baseTitle: string;
	marks: Record< string, EditMark >;
	local: CourseStructure | null;
	localTitle: string;
	server: ServerSession;
} ): boolean {
	if (
		localTitle !== baseTitle &&
		bothChanged( baseTitle, server.title ?? '', localTitle )
	) {
		return true;
	}
	const serverStructure = server.course_structure
		? ensureIds( server.course_structure )
		: null;
	const marked = Object.entries( marks );
	if ( marked.length && ! serverStructure && base ) {
		return true; // The other side removed the outline this one edited.
	}
	return marked.some( ( [ id, mark ] ) => {
		const before = findItem( base, id );
		const theirs = findItem( serverStructure, id );
		if ( mark.deleted ) {
			return !! before && !! theirs && text( theirs ) !== text( before );
		}
		if ( before && ! theirs && mark.fields.length ) {
			return true;
		}
		const mine = findItem( local, id );
		return mark.fields.some( ( field ) =>
			bothChanged( before?.[ field ], theirs?.[ field ], mine?.[ field ] )
		);
	} );
}
