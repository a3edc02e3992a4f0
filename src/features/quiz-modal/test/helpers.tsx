/**
 * Test helpers for the quiz modal: a real registry with the real quiz and notices stores, small
 * stand-ins for the editor's own stores (core/editor, core/block-editor: their packages are not
 * installed here), and a fake admin-ajax behind the mocked apiFetch (its replies and streams are the
 * store's: ../../../store/test/fake-bridge). Only the network is faked.
 *
 * Test files import './editor-mocks' first: it mocks apiFetch and the editor packages.
 */
import type { ReactNode } from 'react';
import {
	createReduxStore,
	createRegistry,
	RegistryProvider,
} from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';
import { render } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { store as quizStore } from '../../../store/quiz';
import type { GeneratedQuestion } from '../../../api/types';
import { setPageConfig } from '../../../store/test/page-config';
import {
	fakeResponse,
	type FakeResponse,
} from '../../../store/test/fake-bridge';

export { fakeResponse, FakeStream } from '../../../store/test/fake-bridge';

/* ---- virtual module stand-ins ---------------------------------------------------------------- */

export const editorModule = {
	store: 'core/editor',
	PluginDocumentSettingPanel: ( {
		title,
		children,
	}: {
		title: string;
		children?: ReactNode;
	} ) => (
		<section aria-label={ title }>
			<h2>{ title }</h2>
			{ children }
		</section>
	),
	PluginMoreMenuItem: ( {
		onClick,
		children,
	}: {
		onClick?: () => void;
		children?: ReactNode;
	} ) => (
		<button type="button" role="menuitem" onClick={ onClick }>
			{ children }
		</button>
	),
};

export const blockEditorModule = {
	store: 'core/block-editor',
	useBlockProps: ( props: Record< string, unknown > = {} ) => props,
};

/* ---- editor stores ------------------------------------------------------------------------------ */

interface EditorState {
	postType: string;
	postId: number;
	dirty: boolean;
	isNew: boolean;
	saving: boolean;
	saves: number;
}

export function fakeEditorStore( initial: Partial< EditorState > = {} ) {
	const start: EditorState = {
		postType: 'mpcs-quiz',
		postId: 31,
		dirty: false,
		isNew: false,
		saving: false,
		saves: 0,
		...initial,
	};
	return createReduxStore( 'core/editor', {
		reducer: ( state: EditorState = start, action: { type: string } ) => {
			switch ( action.type ) {
				case 'SAVED':
					return {
						...state,
						dirty: false,
						isNew: false,
						saves: state.saves + 1,
					};
			}
			return state;
		},
		selectors: {
			getCurrentPostType: ( state: EditorState ) => state.postType,
			getCurrentPostId: ( state: EditorState ) => state.postId,
			isEditedPostDirty: ( state: EditorState ) => state.dirty,
			isEditedPostNew: ( state: EditorState ) => state.isNew,
			isSavingPost: ( state: EditorState ) => state.saving,
			getSaves: ( state: EditorState ) => state.saves,
		},
		actions: {
			savePost:
				() =>
				async ( {
					dispatch,
				}: {
					dispatch: ( a: { type: string } ) => void;
				} ) => {
					dispatch( { type: 'SAVED' } );
				},
		},
	} );
}

export interface FakeBlock {
	clientId: string;
	name: string;
	attributes: Record< string, unknown >;
}

interface BlockEditorState {
	blocks: FakeBlock[];
	/** One entry per insertBlocks call: what one Undo would take back. */
	undoSteps: FakeBlock[][];
}

export function fakeBlockEditorStore( blocks: FakeBlock[] = [] ) {
	const start: BlockEditorState = { blocks, undoSteps: [] };
	return createReduxStore( 'core/block-editor', {
		reducer: (
			state: BlockEditorState = start,
			action: { type: string; blocks?: FakeBlock[]; index?: number }
		) => {
			switch ( action.type ) {
				case 'INSERT_BLOCKS': {
					const at = action.index ?? state.blocks.length;
					const inserted = action.blocks ?? [];
					return {
						blocks: [
							...state.blocks.slice( 0, at ),
							...inserted,
							...state.blocks.slice( at ),
						],
						undoSteps: [ ...state.undoSteps, inserted ],
					};
				}
				case 'UNDO': {
					const last =
						state.undoSteps[ state.undoSteps.length - 1 ] ?? [];
					return {
						blocks: state.blocks.filter(
							( b ) => ! last.includes( b )
						),
						undoSteps: state.undoSteps.slice( 0, -1 ),
					};
				}
			}
			return state;
		},
		selectors: {
			getBlocks: ( state: BlockEditorState ) => state.blocks,
			getBlockOrder: ( state: BlockEditorState ) =>
				state.blocks.map( ( b ) => b.clientId ),
			getUndoSteps: ( state: BlockEditorState ) => state.undoSteps,
		},
		actions: {
			insertBlocks: ( inserted: FakeBlock[], index?: number ) => ( {
				type: 'INSERT_BLOCKS',
				blocks: inserted,
				index,
			} ),
			undo: () => ( { type: 'UNDO' } ),
		},
	} );
}

/* ---- registry ----------------------------------------------------------------------------------- */

export function makeRegistry(
	editor: Partial< EditorState > = {},
	blocks: FakeBlock[] = []
) {
	const registry = createRegistry();
	registry.register( quizStore );
	registry.register( noticesStore );
	registry.register( fakeEditorStore( editor ) );
	registry.register( fakeBlockEditorStore( blocks ) );
	return registry;
}

/** Replaces what a field holds, as the author would: clear it, then type. */
export async function retype(
	user: UserEvent,
	field: HTMLElement,
	text: string
): Promise< void > {
	await user.clear( field );
	await user.type( field, text );
}

export function renderWith(
	registry: ReturnType< typeof makeRegistry >,
	ui: ReactNode
) {
	return render(
		<RegistryProvider value={ registry }>{ ui }</RegistryProvider>
	);
}

/* ---- config ------------------------------------------------------------------------------------- */

export const LESSONS = [
	{
		id: 11,
		title: 'Aperture and Depth of Field',
		section: 'Understanding Exposure',
	},
	{
		id: 12,
		title: 'Shutter Speed and Motion',
		section: 'Understanding Exposure',
	},
	{ id: 13, title: 'The Rule of Thirds', section: 'Composition' },
];

export function setConfig( surface: Record< string, unknown > = {} ): void {
	setPageConfig( {
		userId: 1,
		surface: {
			name: 'quiz',
			postId: 31,
			postType: 'mpcs-quiz',
			quiz: {
				courseId: 5,
				courseTitle: 'Photography Basics',
				lessons: LESSONS,
			},
			...surface,
		},
	} );
}

/* ---- questions ---------------------------------------------------------------------------------- */

export function question(
	n: number,
	changes: Partial< GeneratedQuestion > = {}
): GeneratedQuestion {
	return {
		type: 'multiple_choice',
		question: `Question ${ n }: which term completes “The rule of _____ divides the frame”?`,
		options: [ `thirds ${ n }`, `halves ${ n }`, `quarters ${ n }` ],
		correct_answer: `thirds ${ n }`,
		explanation: `Explanation ${ n }: the lesson says so.`,
		difficulty: 'hard',
		points: 3,
		source_excerpt: `Sentence ${ n } of the lesson.`,
		checks: {
			excerpt_found: true,
			duplicate: false,
			correct_is_longest: false,
			has_explanation: true,
		},
		...changes,
	};
}

/* ---- network ------------------------------------------------------------------------------------ */

export interface Call {
	action: string;
	fields: Record< string, string >;
}

type Handler = (
	fields: Record< string, string >,
	signal?: AbortSignal
) => FakeResponse | Promise< FakeResponse >;

/** Installs handlers per ajax action behind the mocked apiFetch; returns the calls made. */
export function fakeAjax( handlers: Record< string, Handler > ): Call[] {
	const calls: Call[] = [];

	const apiFetch = require( '@wordpress/api-fetch' ).default as jest.Mock;
	apiFetch.mockImplementation(
		async ( options: { body: URLSearchParams; signal?: AbortSignal } ) => {
			const fields = Object.fromEntries( options.body.entries() );
			const action = fields.action ?? '';
			calls.push( { action, fields } );
			const handler = handlers[ action ];
			const response = handler
				? await handler( fields, options.signal )
				: fakeResponse( 400, '0', 'text/html' );
			if ( ! response.ok ) {
				throw response;
			}
			return response;
		}
	);
	return calls;
}

export function generateReply( questions: GeneratedQuestion[] ) {
	return {
		questions,
		total: questions.length,
		type: questions[ 0 ]?.type ?? 'multiple_choice',
		quality_score: 90,
		demo: true,
	};
}
