/**
 * Issue 18, items 10–14, against a real WordPress (6.6 and 6.5) with the demo provider:
 * - assistant cards keep their state (applied / kept back) and their block across a new message
 *   and a reload, and a "replace the selected block" card never overwrites an edit silently;
 * - generating again into a quiz flags the questions it already has, so none goes in twice;
 * - two options that differ only in case or spaces are refused (modal and block);
 * - a short-answer block without an expected answer keeps the quiz from being saved.
 */
import type { Locator, Page } from '@playwright/test';
import {
	test,
	expect,
	expectNoConsoleErrors,
	wpEval,
	type Site,
} from './support/fixtures';
import {
	editorCanvas,
	openEditor,
	openSidebar,
	postIdByTitle,
} from './support/helpers';

type WpBlock = {
	clientId: string;
	name: string;
	attributes: Record< string, unknown >;
};
type Wp = {
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

/** A fresh published post of `postType` (tests stay independent of each other and of the seed). */
function createPost(
	site: Site,
	postType: string,
	title: string,
	content: string
): number {
	return wpEval< number >(
		site,
		`return (int) wp_insert_post( array(
			'post_type'    => '${ postType }',
			'post_status'  => 'publish',
			'post_title'   => ${ JSON.stringify( title ) },
			'post_content' => ${ JSON.stringify( content ) },
		) );`
	);
}

const paragraph = ( text: string ) =>
	`<!-- wp:paragraph -->\n<p>${ text }</p>\n<!-- /wp:paragraph -->`;

/** The top-level blocks, rich text turned into strings (it does not cross into the test as is). */
async function blocks( page: Page ): Promise< WpBlock[] > {
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

/** After a reload the sidebar is usually still open (the editor remembers it); open it if not. */
async function sidebarAfterReload( page: Page ): Promise< Locator > {
	const sidebar = page.locator( '.mpcc-assistant' );
	try {
		await sidebar.waitFor( { state: 'visible', timeout: 5000 } );
	} catch {
		return openSidebar( page );
	}
	await expect(
		sidebar.getByRole( 'textbox', { name: 'Message to the copilot' } )
	).toBeEnabled();
	return sidebar;
}

async function paragraphTexts( page: Page ): Promise< string[] > {
	return ( await blocks( page ) ).map( ( b ) =>
		String( b.attributes.content ?? '' )
	);
}

async function waitForBlocks( page: Page ) {
	await page.waitForFunction(
		() =>
			( window as unknown as { wp: Wp } ).wp.data
				.select( 'core/block-editor' )
				.getBlocks().length > 0
	);
}

/** The sidebar's session has nothing left to save (card states included). */
async function sessionSaved( page: Page ) {
	await page.waitForFunction( () => {
		const session = ( window as unknown as { wp: Wp } ).wp.data.select(
			'mpcc/session'
		);
		return (
			! session.hasUnsavedChanges() &&
			! session.isRequesting( 'assistant' )
		);
	} );
}

async function savePost( page: Page ) {
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

async function ask( sidebar: Locator, text: string ) {
	const replies = sidebar.locator( '.mpcc-message.is-assistant' );
	const count = await replies.count();
	await sidebar
		.getByRole( 'textbox', { name: 'Message to the copilot' } )
		.fill( text );
	await sidebar.getByRole( 'button', { name: 'Send' } ).click();
	await expect( replies ).toHaveCount( count + 1 );
}

async function selectParagraph( page: Page, text: string ) {
	await (
		await editorCanvas( page )
	)
		.locator( '[data-type="core/paragraph"]' )
		.filter( { hasText: text } )
		.first()
		.click();
}

async function savingLocked( page: Page ): Promise< boolean > {
	return page.evaluate( () =>
		( window as unknown as { wp: Wp } ).wp.data
			.select( 'core/editor' )
			.isPostSavingLocked()
	);
}

test( 'assistant cards keep their state and their block across a new message and a reload, and never overwrite an edit silently', async ( {
	page,
	site,
	consoleErrors,
} ) => {
	test.setTimeout( 180_000 );
	const first =
		'The aperture is really the opening in the lens that lets light reach the sensor.';
	const second =
		'A wide aperture gives a very shallow depth of field and a soft background.';
	const third =
		'A narrow aperture keeps near and far things sharp, which suits landscapes.';
	const lessonId = createPost(
		site,
		'mpcs-lesson',
		`Cards ${ test.info().project.name } ${ Date.now() }`,
		[ first, second, third ].map( paragraph ).join( '\n\n' )
	);
	await openEditor( page, lessonId );
	await waitForBlocks( page );

	// A replace card for the first paragraph, then another message: the card stays.
	await selectParagraph( page, 'lets light reach the sensor' );
	let sidebar = await openSidebar( page );
	await ask( sidebar, 'Improve this paragraph' );
	const replaceFirst = sidebar
		.locator( '.mpcc-suggestion' )
		.filter( { hasText: 'Replace the selected block' } )
		.filter( { hasText: 'opening in the lens' } );
	await expect( replaceFirst ).toBeVisible();
	await ask( sidebar, 'Summarize this lesson' );
	const summary = sidebar
		.locator( '.mpcc-suggestion' )
		.filter( { hasText: 'Add a summary at the end' } );
	await expect( summary ).toBeVisible();
	await expect( replaceFirst ).toBeVisible();
	await expect(
		replaceFirst.getByRole( 'button', { name: 'Apply', exact: true } )
	).toBeVisible();

	// Apply the summary; save the post; wait until the session has the card's state.
	await summary.getByRole( 'button', { name: 'Apply', exact: true } ).click();
	await expect(
		summary.getByText( 'Applied. The editor’s Undo takes it back.' )
	).toBeVisible();
	await savePost( page );
	await sessionSaved( page );

	// After a reload: applied stays applied, the replace card is still there and still open.
	await page.reload();
	await waitForBlocks( page );
	sidebar = await sidebarAfterReload( page );
	await expect( summary ).toBeVisible();
	await expect(
		summary.getByText( 'Applied. The editor’s Undo takes it back.' )
	).toBeVisible();
	await expect(
		summary.getByRole( 'button', { name: 'Apply again' } )
	).toBeVisible();
	await expect(
		replaceFirst.getByRole( 'button', { name: 'Apply', exact: true } )
	).toBeVisible();

	// A replace card for the second paragraph; then the author edits that paragraph.
	await selectParagraph( page, 'gives a very shallow depth of field' );
	await ask( sidebar, 'Improve this paragraph' );
	const replaceSecond = sidebar
		.locator( '.mpcc-suggestion' )
		.filter( { hasText: 'Replace the selected block' } )
		.filter( { hasText: 'shallow depth of field' } );
	await expect( replaceSecond ).toBeVisible();
	const edited = `${ second } Edited by hand.`;
	await page.evaluate(
		( [ text, content ] ) => {
			const { data } = ( window as unknown as { wp: Wp } ).wp;
			const block = data
				.select( 'core/block-editor' )
				.getBlocks()
				.find( ( b ) =>
					String( b.attributes.content ).includes( text! )
				)!;
			data.dispatch( 'core/block-editor' ).updateBlockAttributes(
				block.clientId,
				{ content }
			);
		},
		[ 'shallow depth of field', edited ]
	);

	// The first card (made before the reload) replaces its own block, not the selected one.
	await replaceFirst
		.getByRole( 'button', { name: 'Apply', exact: true } )
		.click();
	await expect(
		replaceFirst.getByText( 'Applied. The editor’s Undo takes it back.' )
	).toBeVisible();
	let texts = await paragraphTexts( page );
	expect( texts[ 0 ] ).toBe(
		'The aperture is the opening in the lens that lets light reach the sensor.'
	);
	expect( texts[ 1 ] ).toBe( edited );

	// The second card's block was edited: both versions are shown, nothing is replaced until asked.
	await replaceSecond
		.getByRole( 'button', { name: 'Apply', exact: true } )
		.click();
	await expect(
		replaceSecond.getByRole( 'alert' ).filter( {
			hasText:
				'You have edited this block since the suggestion was made.',
		} )
	).toBeVisible();
	await expect(
		replaceSecond.locator( '.mpcc-suggestion__edited' )
	).toContainText( 'Edited by hand.' );
	texts = await paragraphTexts( page );
	expect( texts[ 1 ] ).toBe( edited );
	await replaceSecond
		.getByRole( 'button', { name: 'Keep my version' } )
		.click();
	await expect(
		replaceSecond.getByText(
			'Not applied: you kept your edited version of the block.'
		)
	).toBeVisible();
	expect( ( await paragraphTexts( page ) )[ 1 ] ).toBe( edited );
	await savePost( page );
	await sessionSaved( page );

	// The kept-back card is still kept back after a reload; asked again, the author can replace.
	await page.reload();
	await waitForBlocks( page );
	sidebar = await sidebarAfterReload( page );
	await expect(
		replaceSecond.getByText(
			'Not applied: you kept your edited version of the block.'
		)
	).toBeVisible();
	await expect(
		replaceFirst.getByText( 'Applied. The editor’s Undo takes it back.' )
	).toBeVisible();
	await replaceSecond
		.getByRole( 'button', { name: 'Apply', exact: true } )
		.click();
	await replaceSecond
		.getByRole( 'button', { name: 'Replace my version' } )
		.click();
	await expect(
		replaceSecond.getByText( 'Applied. The editor’s Undo takes it back.' )
	).toBeVisible();
	expect( ( await paragraphTexts( page ) )[ 1 ] ).toBe(
		'A wide aperture gives a shallow depth of field and a soft background.'
	);
	expectNoConsoleErrors( consoleErrors );
} );

/** The quiz's question blocks as saved on the server. */
function savedQuestions( site: Site, quizId: number ) {
	return wpEval<
		Array< { name: string; attrs: Record< string, unknown > } >
	>(
		site,
		`return array_values( array_map( fn( $b ) => array( 'name' => $b['blockName'], 'attrs' => $b['attrs'] ),
			array_filter( parse_blocks( get_post( ${ quizId } )->post_content ), fn( $b ) => null !== $b['blockName'] ) ) );`
	);
}

async function openQuizModal( page: Page ) {
	const toggle = page
		.locator( '.components-panel__body-toggle' )
		.filter( { hasText: /^Quiz AI$/ } );
	if ( ( await toggle.getAttribute( 'aria-expanded' ) ) !== 'true' ) {
		await toggle.click();
	}
	await page
		.locator( '.mpcc-quiz-panel' )
		.getByRole( 'button', { name: 'Generate questions' } )
		.click();
	const dialog = page.getByRole( 'dialog', {
		name: 'Generate quiz questions',
	} );
	await expect( dialog ).toBeVisible();
	return dialog;
}

test( 'generating again into a quiz flags the questions it already has; repeated options are refused', async ( {
	page,
	site,
	consoleErrors,
} ) => {
	test.setTimeout( 180_000 );
	const lesson = postIdByTitle(
		site,
		'mpcs-lesson',
		'Aperture and Depth of Field'
	);
	const text = wpEval< string >(
		site,
		`return \\CoursesCopilot\\Quiz\\QuizSource::from_post( get_post( ${ lesson } ) );`
	);
	const quizId = createPost(
		site,
		'mpcs-quiz',
		`Twice ${ test.info().project.name } ${ Date.now() }`,
		''
	);
	await openEditor( page, quizId );

	const generate = async ( dialog: Locator ) => {
		await dialog.getByRole( 'radio', { name: 'Text I paste' } ).check();
		await dialog
			.getByRole( 'textbox', { name: 'Text to write questions from' } )
			.fill( text );
		await dialog
			.getByRole( 'spinbutton', { name: 'How many (1–20)' } )
			.fill( '3' );
		await dialog
			.getByRole( 'button', { name: /^Generate (questions|again)$/ } )
			.click();
		await expect(
			dialog
				.getByRole( 'status' )
				.filter( { hasText: '3 questions ready' } )
		).toBeVisible( { timeout: 30_000 } );
	};

	let dialog = await openQuizModal( page );
	await generate( dialog );

	// Two options made the same (another case, extra spaces): refused, Insert held back.
	await dialog.getByRole( 'button', { name: 'Edit question 1' } ).click();
	const option1 = await dialog
		.getByRole( 'textbox', { name: 'Option 1', exact: true } )
		.inputValue();
	await dialog
		.getByRole( 'textbox', { name: 'Option 2', exact: true } )
		.fill( `  ${ option1.toUpperCase() } ` );
	await expect(
		dialog.getByText( /is the same as another option/ ).first()
	).toBeVisible();
	await expect(
		dialog.getByRole( 'button', { name: 'Insert 3 questions' } )
	).toBeDisabled();
	await dialog
		.getByRole( 'textbox', { name: 'Option 2', exact: true } )
		.fill( 'Something else entirely' );
	await dialog.getByRole( 'button', { name: 'Done editing' } ).click();
	await dialog.getByRole( 'button', { name: 'Insert 3 questions' } ).click();
	await expect( dialog ).toBeHidden();
	await savePost( page );
	const once = savedQuestions( site, quizId ).map(
		( b ) => b.attrs.question
	);
	expect( once ).toHaveLength( 3 );

	// Again from the same text: each question is flagged as already in the quiz and left out.
	dialog = await openQuizModal( page );
	await generate( dialog );
	await expect( dialog.getByText( /Already in this quiz/ ) ).toHaveCount( 3 );
	await expect( dialog.getByText( '0 of 3 selected' ) ).toBeVisible();
	await expect(
		dialog.getByRole( 'button', { name: 'Insert 0 questions' } )
	).toBeDisabled();
	await dialog.getByRole( 'button', { name: 'Cancel' } ).click();
	await savePost( page );
	const after = savedQuestions( site, quizId ).map(
		( b ) => b.attrs.question
	);
	expect( after ).toEqual( once );
	expect( new Set( after ).size ).toBe( after.length );

	// In the block editor too: a repeated option locks saving with a notice.
	const mc = ( await blocks( page ) ).find( ( b ) =>
		b.name.endsWith( '-question' )
	)!;
	const options = mc.attributes.options as string[];
	await page.evaluate(
		( [ clientId, next ] ) =>
			( window as unknown as { wp: Wp } ).wp.data
				.dispatch( 'core/block-editor' )
				.updateBlockAttributes( clientId as string, {
					options: next,
				} ),
		[
			mc.clientId,
			[
				options[ 0 ],
				` ${ options[ 0 ]!.toUpperCase() }`,
				...options.slice( 2 ),
			],
		] as const
	);
	await expect(
		page.locator( '.components-notice' ).filter( {
			hasText: /A quiz question is not finished, so saving is paused/,
		} )
	).toBeVisible();
	expect( await savingLocked( page ) ).toBe( true );
	expectNoConsoleErrors( consoleErrors );
} );

test( 'a short-answer block without an expected answer keeps a published quiz from being saved', async ( {
	page,
	site,
	consoleErrors,
} ) => {
	const question = 'The rule of _____ divides the frame into nine parts.';
	const quizId = createPost(
		site,
		'mpcs-quiz',
		`Short answer ${ test.info().project.name } ${ Date.now() }`,
		`<!-- wp:courses-copilot/short-answer-question ${ JSON.stringify( {
			question,
			correctAnswer: 'thirds',
			explanation: 'The frame is split in thirds both ways.',
		} ) } /-->`
	);
	await openEditor( page, quizId );
	await waitForBlocks( page );
	const canvas = await editorCanvas( page );
	const answer = canvas.getByRole( 'textbox', { name: 'Expected answer' } );
	await expect( answer ).toHaveValue( 'thirds' );
	// "Update" on 6.5, "Save" on 6.6.
	const update = page.getByRole( 'button', { name: /^(Update|Save)$/ } );
	expect( await savingLocked( page ) ).toBe( false );

	await answer.fill( '' );
	await expect(
		page.locator( '.components-notice' ).filter( {
			hasText:
				'A quiz question is not finished, so saving is paused: Write the expected answer.',
		} )
	).toBeVisible();
	expect( await savingLocked( page ) ).toBe( true );
	await expect( update ).toBeDisabled();
	expect( savedQuestions( site, quizId )[ 0 ]?.attrs.correctAnswer ).toBe(
		'thirds'
	);

	await answer.fill( 'thirds, both ways' );
	await expect(
		page
			.locator( '.components-notice' )
			.filter( { hasText: /A quiz question is not finished/ } )
	).toHaveCount( 0 );
	expect( await savingLocked( page ) ).toBe( false );
	await expect( update ).toBeEnabled();
	await update.click();
	await expect
		.poll( () => savedQuestions( site, quizId )[ 0 ]?.attrs.correctAnswer )
		.toBe( 'thirds, both ways' );
	expectNoConsoleErrors( consoleErrors );
} );
