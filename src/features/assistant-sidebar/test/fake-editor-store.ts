/** A stand-in `core/editor` store: the post's id, type and edits, with undo. */
import { serialize } from '@wordpress/blocks';
import { createReduxStore, createRegistrySelector } from '@wordpress/data';
import {
	blockEditorStore,
	recorded,
	type RecordedAction,
} from './fake-block-editor-store';

interface EditorState {
	postId: number;
	postType: string;
	edits: Record< string, unknown >;
	/** Snapshots of `edits` before each editPost (undo pops one). */
	past: Array< Record< string, unknown > >;
}

export const editorStore = createReduxStore( 'core/editor', {
	reducer(
		state: EditorState = {
			postId: 0,
			postType: 'post',
			edits: { title: '', excerpt: '' },
			past: [],
		},
		action: RecordedAction
	): EditorState {
		switch ( action.type ) {
			case 'SETUP':
				return {
					postId: action.postId as number,
					postType: action.postType as string,
					edits: action.edits as Record< string, unknown >,
					past: [],
				};
			case 'EDIT_POST':
				return {
					...state,
					past: [ ...state.past, state.edits ],
					edits: { ...state.edits, ...( action.edits as object ) },
				};
			case 'UNDO':
				return state.past.length
					? {
							...state,
							edits:
								state.past[ state.past.length - 1 ] ??
								state.edits,
							past: state.past.slice( 0, -1 ),
						}
					: state;
		}
		return state;
	},
	selectors: {
		getCurrentPostId: ( state: EditorState ) => state.postId,
		getCurrentPostType: ( state: EditorState ) => state.postType,
		getEditedPostAttribute: ( state: EditorState, attribute: string ) =>
			state.edits[ attribute ],
		getEditedPostContent: createRegistrySelector(
			( select ) => () =>
				serialize( select( blockEditorStore ).getBlocks() )
		),
		isSavingPost: () => false,
	},
	actions: {
		setupPost: (
			postId: number,
			postType: string,
			edits: Record< string, unknown > = {}
		) => ( {
			type: 'SETUP',
			postId,
			postType,
			edits: { title: '', excerpt: '', ...edits },
		} ),
		editPost( edits: Record< string, unknown > ) {
			const action = { type: 'EDIT_POST', edits };
			recorded.push( action );
			return action;
		},
		undo() {
			const action = { type: 'UNDO' };
			recorded.push( action );
			return action;
		},
		savePost: () => ( { type: 'SAVE' } ),
	},
} );
