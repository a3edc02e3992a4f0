/**
 * Helpers for the Quiz AI modal tests: the page the modal opens on, opening it, and a modal with
 * generated questions.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QuizPlugin } from '..';
import {
	fakeAjax,
	fakeResponse,
	generateReply,
	makeRegistry,
	question,
	renderWith,
	setConfig,
	type FakeBlock,
	type FakeStream,
} from './helpers';

export function setSearch( search: string ) {
	window.history.replaceState( null, '', `/wp-admin/post.php${ search }` );
}

/** A quiz being edited, as each test starts. */
export function resetQuizPage() {
	setConfig();
	setSearch( '?post=31&action=edit' );
}

export async function openModal( user: ReturnType< typeof userEvent.setup > ) {
	await user.click(
		screen.getByRole( 'button', { name: 'Generate questions' } )
	);
	return screen.getByRole( 'dialog', { name: 'Generate quiz questions' } );
}

export function streamingGenerate( stream: FakeStream ) {
	return ( _fields: Record< string, string >, signal?: AbortSignal ) =>
		stream.response( signal );
}

/**
 * The modal with `count` questions generated from lesson 13, on a quiz holding `blocks`; a
 * single-question request (Regenerate) gets a different question.
 */
export async function generated(
	count = 3,
	changes: ( n: number ) => Parameters< typeof question >[ 1 ] = () => ( {} ),
	blocks: FakeBlock[] = []
) {
	const questions = Array.from( { length: count }, ( _v, i ) =>
		question( i + 1, changes( i + 1 ) )
	);
	const calls = fakeAjax( {
		mpcc_generate_quiz: ( fields ) =>
			fakeResponse( 200, {
				success: true,
				data: fields.stream
					? generateReply( questions )
					: generateReply( [
							question( 9, {
								question:
									'A different question about horizons?',
							} ),
						] ),
			} ),
	} );
	const user = userEvent.setup();
	const registry = makeRegistry( {}, blocks );
	renderWith( registry, <QuizPlugin /> );
	const dialog = await openModal( user );
	await user.selectOptions(
		within( dialog ).getByRole( 'combobox', { name: 'Lesson' } ),
		'13'
	);
	await user.click(
		within( dialog ).getByRole( 'button', { name: 'Generate questions' } )
	);
	await within( dialog ).findByText( /Question 1: which term/ );
	return { user, registry, dialog, calls, questions };
}
