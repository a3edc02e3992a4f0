/**
 * "Create quiz" on a lesson: the bridge action, then the quiz editor with the lesson as source.
 */
import './editor-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CreateQuizPanel, QuizPlugin } from '..';
import { quizEditorUrl } from '../surface';
import {
	fakeAjax,
	fakeResponse,
	makeRegistry,
	renderWith,
	setConfig,
} from './helpers';

const LESSON = { postType: 'mpcs-lesson', postId: 13 };

beforeEach( () =>
	setConfig( {
		name: 'sidebar',
		postType: 'mpcs-lesson',
		postId: 13,
		quiz: undefined,
	} )
);

/** The panel on the lesson, Create quiz clicked; the navigation it asks for is recorded. */
async function clickCreateQuiz() {
	const navigate = jest.fn();
	const user = userEvent.setup();
	renderWith(
		makeRegistry( LESSON ),
		<CreateQuizPanel navigate={ navigate } />
	);
	await user.click( screen.getByRole( 'button', { name: 'Create quiz' } ) );
	return navigate;
}

it( 'on a lesson shows only the Create quiz panel', () => {
	renderWith( makeRegistry( LESSON ), <QuizPlugin /> );
	expect(
		screen.getByRole( 'region', { name: 'Quiz' } )
	).toBeInTheDocument();
	expect(
		screen.queryByRole( 'region', { name: 'Quiz AI' } )
	).not.toBeInTheDocument();
	expect( screen.queryByRole( 'menuitem' ) ).not.toBeInTheDocument();
} );

it( 'creates the quiz through the bridge and opens it with the lesson as source', async () => {
	const calls = fakeAjax( {
		mpcc_create_quiz_from_lesson: () =>
			fakeResponse( 200, {
				success: true,
				data: {
					quiz_id: 40,
					edit_url:
						'http://site.test/wp-admin/post.php?post=40&amp;action=edit',
				},
			} ),
	} );
	const navigate = await clickCreateQuiz();
	await waitFor( () =>
		expect( navigate ).toHaveBeenCalledWith(
			'http://site.test/wp-admin/post.php?post=40&action=edit&mpcc_quiz_source=13'
		)
	);
	expect( calls ).toEqual( [
		{
			action: 'mpcc_create_quiz_from_lesson',
			fields: {
				action: 'mpcc_create_quiz_from_lesson',
				nonce: 'n-quiz',
				lesson_id: '13',
			},
		},
	] );
	expect(
		screen.getByRole( 'button', { name: 'Creating quiz…' } )
	).toBeDisabled();
} );

it( 'saves unsaved lesson edits first', async () => {
	fakeAjax( {
		mpcc_create_quiz_from_lesson: () =>
			fakeResponse( 200, {
				success: true,
				data: {
					quiz_id: 40,
					edit_url: '/wp-admin/post.php?post=40&action=edit',
				},
			} ),
	} );
	const registry = makeRegistry( { ...LESSON, dirty: true } );
	const user = userEvent.setup();
	renderWith( registry, <CreateQuizPanel navigate={ jest.fn() } /> );
	expect(
		screen.getByText( 'Your unsaved changes are saved first.' )
	).toBeInTheDocument();
	await user.click( screen.getByRole( 'button', { name: 'Create quiz' } ) );
	await waitFor( () =>
		expect(
			(
				registry.select( 'core/editor' ) as unknown as {
					getSaves: () => number;
				}
			 ).getSaves()
		).toBe( 1 )
	);
} );

it( 'shows why it failed and lets the user try again', async () => {
	fakeAjax( {
		mpcc_create_quiz_from_lesson: () =>
			fakeResponse( 403, {
				success: false,
				data: { code: 'mpcc_forbidden', message: 'No' },
			} ),
	} );
	const navigate = await clickCreateQuiz();
	const panel = screen.getByRole( 'region', { name: 'Quiz' } );
	expect(
		await within( panel ).findByText( /You are not allowed to do that\./ )
	).toBeInTheDocument();
	expect(
		screen.getByRole( 'button', { name: 'Create quiz' } )
	).toBeEnabled();
	expect( navigate ).not.toHaveBeenCalled();
} );

it( 'builds the quiz editor URL from an escaped or relative edit_url', () => {
	expect(
		quizEditorUrl(
			'/wp-admin/post.php?post=9&amp;action=edit',
			3,
			'http://x.test/wp-admin/edit.php'
		)
	).toBe(
		'http://x.test/wp-admin/post.php?post=9&action=edit&mpcc_quiz_source=3'
	);
} );
