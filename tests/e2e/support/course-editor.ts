/** The course editor page, and creating its course the way an author does: Create, then confirm. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const EDITOR = '/wp-admin/admin.php?page=mpcc-course-editor';

/** Clicks Create course once it is enabled, then confirms (see confirmCreate). */
export async function createCourse( page: Page ) {
	const create = page.locator( '.mpcc-create__button' );
	await expect( create ).toBeEnabled( { timeout: 20_000 } );
	await create.click();
	await confirmCreate( page );
}

/**
 * Confirms the open "Create this course?" dialog and waits for "Course created.". When that does
 * not come, the failure quotes what the page says instead (CI shows only the output).
 */
export async function confirmCreate( page: Page ) {
	await page
		.getByRole( 'dialog', { name: 'Create this course?' } )
		.getByRole( 'button', { name: 'Create course' } )
		.click();
	try {
		await expect(
			page
				.locator( '.mpcc-create' )
				.getByText( 'Course created.', { exact: true } )
		).toBeVisible( { timeout: 30_000 } );
	} catch ( error ) {
		const said = await page
			.locator( '.mpcc-create, .mpcc-save-status, .components-notice' )
			.allInnerTexts()
			.catch( () => [] );
		throw new Error(
			`No "Course created." — the page says: ${ JSON.stringify(
				said
			) }\n${ String( error ) }`
		);
	}
}
