/**
 * The course editor under a real registry with the real `mpcc/session` store; only the network
 * is faked (the admin-ajax bridge behind apiFetch). Test files import './app-mocks' first, then
 * this module as a namespace (`app.bridge` is the current test's bridge) and run `app.reset`
 * before each test.
 */
import { render, screen } from '@testing-library/react';
import { RegistryProvider } from '@wordpress/data';
import { CourseEditorApp } from '..';
import { store as sessionStore } from '../../../store';
import { FakeBridge, installBridge } from '../../../store/test/fake-bridge';
import { makeRegistry, setConfig } from '../../../store/test/helpers';
import type { CourseStructure } from '../../../store/types';

/** Three sections, four lessons. */
export const STRUCTURE: CourseStructure = {
	title: 'Watercolor Basics',
	description: 'Paint with water.',
	sections: [
		{
			id: 's1',
			title: 'Getting Started',
			lessons: [
				{ id: 'l1', title: 'Paper' },
				{ id: 'l2', title: 'Brushes' },
			],
		},
		{
			id: 's2',
			title: 'Techniques',
			lessons: [ { id: 'l3', title: 'Washes' } ],
		},
		{
			id: 's3',
			title: 'Projects',
			lessons: [ { id: 'l4', title: 'A Landscape' } ],
		},
	],
};

export let bridge: FakeBridge;

/** A new page of the course editor, and a fresh bridge behind it. */
export function reset() {
	setConfig();
	localStorage.clear();
	window.history.replaceState(
		null,
		'',
		'/wp-admin/admin.php?page=mpcc-course-editor'
	);
	bridge = new FakeBridge();
	installBridge( bridge );
}

export function renderApp() {
	const { registry } = makeRegistry();
	const view = render(
		<RegistryProvider value={ registry }>
			<CourseEditorApp mode="page" />
		</RegistryProvider>
	);
	return { ...view, registry, select: () => registry.select( sessionStore ) };
}

/** Opens the app on a saved session (through the URL, as a reload would). */
export async function renderWithSession(
	partial: Parameters< FakeBridge[ 'addSession' ] >[ 0 ] = {}
) {
	const session = bridge.addSession( {
		course_structure: STRUCTURE,
		conversation_state: 'course_structure',
		title: 'Watercolor',
		...partial,
	} );
	window.history.replaceState(
		null,
		'',
		`/wp-admin/admin.php?page=mpcc-course-editor&session=${ session.session_id }`
	);
	const view = renderApp();
	await screen.findByRole( 'textbox', { name: 'Course title' } );
	return view;
}

export const sectionTitles = () =>
	(
		screen.getAllByRole( 'textbox', {
			name: /^Section \d+ title$/,
		} ) as HTMLInputElement[]
	 ).map( ( i ) => i.value );
