import { createRegistry } from '@wordpress/data';
import type { ReduxStoreConfig, StoreDescriptor } from '@wordpress/data';
import { store } from '..';
import { store as quizStore } from '../quiz';
import type { CourseStructure, Lesson, Section } from '../types';
import { setPageConfig } from './page-config';

export function setConfig(): void {
	setPageConfig();
}

/** A fresh registry with the session store (and optionally others) registered. */
export function makeRegistry(
	...extra: Array<
		Parameters< ReturnType< typeof createRegistry >[ 'register' ] >[ 0 ]
	>
) {
	const registry = createRegistry();
	registry.register( store );
	registry.register( quizStore );
	extra.forEach( ( s ) => registry.register( s ) );
	return {
		registry,
		select: () => registry.select( store ),
		dispatch: () => registry.dispatch( store ),
		resolveSelect: () => registry.resolveSelect( store ),
	};
}

/** The real core/notices store (its CJS build: the package entry pulls in @wordpress/components). */
type NoticesStore = StoreDescriptor<
	ReduxStoreConfig<
		unknown,
		Record< string, ( ...args: any[] ) => unknown >,
		{
			getNotices: (
				state: unknown,
				context?: string
			) => Array< { id: string; actions?: Array< { label: string } > } >;
		}
	>
>;

export function noticesStore(): NoticesStore {
	const dir = require( 'path' ).dirname(
		require.resolve( '@wordpress/notices/package.json' )
	);

	return require( `${ dir }/build/store/index.cjs` ).store;
}

type LessonSpec = [ id: string, title: string ] | Lesson;

/** A section from `[ id, title ]` lesson pairs (or full lessons): keeps outline fixtures short. */
export function sectionOf(
	id: string,
	title: string,
	lessons: LessonSpec[] = []
): Section {
	return {
		id,
		title,
		lessons: lessons.map( ( spec ) =>
			Array.isArray( spec ) ? { id: spec[ 0 ], title: spec[ 1 ] } : spec
		),
	};
}

export function courseOf(
	title: string,
	description: string,
	sections: Section[]
): CourseStructure {
	return { title, description, sections };
}
