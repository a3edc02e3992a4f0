/**
 * The block editor's data stores, read and driven from a test: its blocks, saving the post, and
 * whether saving is locked.
 */
import type { Page } from '@playwright/test';

export type WpBlock = {
	clientId: string;
	name: string;
	attributes: Record< string, unknown >;
};
export type Wp = {
	data: {
		select: ( store: string ) => {
			getBlocks: () => WpBlock[];
			isSavingPost: () => boolean;
			isEditedPostDirty: () => boolean;
			isPostSavingLocked: () => boolean;
			hasUnsavedChanges: () => boolean;
			isRequesting: ( key: string ) => boolean;
		};
		dispatch: ( store: string ) => {
			savePost: () => Promise< void >;
			updateBlockAttributes: (
				clientId: string,
				attributes: Record< string, unknown >
			) => void;
		};
	};
};

/** The top-level blocks, rich text turned into strings (it does not cross into the test as is). */
export async function blocks( page: Page ): Promise< WpBlock[] > {
	return page.evaluate( () =>
		( window as unknown as { wp: Wp } ).wp.data
			.select( 'core/block-editor' )
			.getBlocks()
			.map( ( b ) => ( {
				clientId: b.clientId,
				name: b.name,
				attributes: Object.fromEntries(
					Object.entries( b.attributes ).map( ( [ key, value ] ) => [
						key,
						value &&
						typeof value === 'object' &&
						! Array.isArray( value )
							? String( value )
							: value,
					] )
				),
			} ) )
	);
}

export async function waitForBlocks( page: Page ) {
	await page.waitForFunction(
		() =>
			( window as unknown as { wp: Wp } ).wp.data
				.select( 'core/block-editor' )
				.getBlocks().length > 0
	);
}

/** Saves the post and waits until the editor has nothing left to save. */
export async function savePost( page: Page ) {
	await page.evaluate( () =>
		( window as unknown as { wp: Wp } ).wp.data
			.dispatch( 'core/editor' )
			.savePost()
	);
	await page.waitForFunction( () => {
		const editor = ( window as unknown as { wp: Wp } ).wp.data.select(
			'core/editor'
		);
		return ! editor.isSavingPost() && ! editor.isEditedPostDirty();
	} );
}

export async function savingLocked( page: Page ): Promise< boolean > {
	return page.evaluate( () =>
		( window as unknown as { wp: Wp } ).wp.data
			.select( 'core/editor' )
			.isPostSavingLocked()
	);
}
