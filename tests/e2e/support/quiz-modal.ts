/**
 * The "Generate quiz questions" modal, driven from a test.
 */
import type { Locator } from '@playwright/test';
import { expect } from './fixtures';

/** Asks for `howMany` questions and waits until they are all in the preview. */
export async function generateQuestions(
	dialog: Locator,
	howMany: number,
	button: string | RegExp = 'Generate questions'
) {
	await dialog
		.getByRole( 'spinbutton', { name: 'How many (1–20)' } )
		.fill( String( howMany ) );
	await dialog.getByRole( 'button', { name: button } ).click();
	await expect(
		dialog
			.getByRole( 'status' )
			.filter( { hasText: `${ howMany } questions ready` } )
	).toBeVisible( { timeout: 30_000 } );
}
