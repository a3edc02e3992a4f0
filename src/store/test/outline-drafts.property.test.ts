/**
 * Issue 17: nothing an author can do to the outline makes saving stop. Random sequences of every
 * outline action (add, rename to anything — empty, blank, 300 characters —, delete, move, 60
 * lessons into one section, undo/redo) run through the real store; every session it would
 * auto-save along the way goes to the bridge's real PHP validator (SessionDataShape, through
 * tests/php/cli/validate-session-data.php), which must accept each one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { createRegistry } from '@wordpress/data';
import { store } from '..';
import { courseOf, sectionOf } from './helpers';

const ROOT = path.resolve( __dirname, '../../..' );
const VALIDATOR = path.join( ROOT, 'tests/php/cli/validate-session-data.php' );

/** The PHP answers for every session in `dir`: file → errors (empty when accepted). */
function phpValidate( dir: string ): Record< string, string[] > {
	const run = spawnSync( 'php', [ VALIDATOR, dir ], { encoding: 'utf8' } );
	if ( run.error || run.status !== 0 ) {
		throw new Error(
			`php could not run the validator (install php-cli): ${ run.error?.message ?? run.stderr }`
		);
	}
	return JSON.parse( run.stdout );
}

const title = fc.oneof(
	fc.constant( '' ),
	fc.constant( '   ' ),
	fc.string( { unit: 'grapheme', maxLength: 30 } ),
	fc.string( { unit: 'grapheme', minLength: 200, maxLength: 210 } ),
	fc.constant( 'é'.repeat( 300 ) ),
	fc.constant( '😀'.repeat( 150 ) )
);
const pick = fc.nat( 1000 );

/** What an author can do in the outline, with targets picked by position among what exists. */
const step = fc.oneof(
	fc.record( { kind: fc.constant( 'addSection' as const ), at: pick } ),
	fc.record( { kind: fc.constant( 'addLesson' as const ), section: pick } ),
	fc.record( {
		kind: fc.constant( 'addSixtyLessons' as const ),
		section: pick,
	} ),
	fc.record( {
		kind: fc.constant( 'renameSection' as const ),
		section: pick,
		title,
	} ),
	fc.record( {
		kind: fc.constant( 'describeSection' as const ),
		section: pick,
		title,
	} ),
	fc.record( {
		kind: fc.constant( 'renameLesson' as const ),
		lesson: pick,
		title,
	} ),
	fc.record( { kind: fc.constant( 'renameCourse' as const ), title } ),
	fc.record( { kind: fc.constant( 'describeCourse' as const ), title } ),
	fc.record( {
		kind: fc.constant( 'deleteSection' as const ),
		section: pick,
	} ),
	fc.record( { kind: fc.constant( 'deleteLesson' as const ), lesson: pick } ),
	fc.record( {
		kind: fc.constant( 'moveSection' as const ),
		section: pick,
		to: pick,
	} ),
	fc.record( {
		kind: fc.constant( 'moveLesson' as const ),
		lesson: pick,
		section: pick,
		to: pick,
	} ),
	fc.record( {
		kind: fc.constant( 'undo' as const ),
		times: fc.integer( { min: 1, max: 5 } ),
	} ),
	fc.record( {
		kind: fc.constant( 'redo' as const ),
		times: fc.integer( { min: 1, max: 5 } ),
	} )
);
type Step = typeof step extends fc.Arbitrary< infer T > ? T : never;

function apply( registry: ReturnType< typeof createRegistry >, s: Step ) {
	const select = registry.select( store );
	const act = registry.dispatch( store );
	const sections = select.getSections();
	const lessons = select.getAllLessons();
	const section = ( n: number ) =>
		sections[ n % Math.max( 1, sections.length ) ];
	const lesson = ( n: number ) =>
		lessons[ n % Math.max( 1, lessons.length ) ];
	switch ( s.kind ) {
		case 'addSection':
			// As the outline's "Add section" button does: an untitled section.
			act.addSection( { title: '' }, s.at % ( sections.length + 1 ) );
			return;
		case 'addLesson':
			if ( section( s.section ) ) {
				act.addLesson( section( s.section )!.id, { title: '' } );
			}
			return;
		case 'addSixtyLessons':
			if ( section( s.section ) ) {
				for ( let i = 0; i < 60; i++ ) {
					act.addLesson( section( s.section )!.id, { title: '' } );
				}
			}
			return;
		case 'renameSection':
			if ( section( s.section ) ) {
				act.renameSection( section( s.section )!.id, s.title );
			}
			return;
		case 'describeSection':
			if ( section( s.section ) ) {
				act.updateSection( section( s.section )!.id, {
					description: s.title,
				} );
			}
			return;
		case 'renameLesson':
			if ( lesson( s.lesson ) ) {
				act.renameLesson( lesson( s.lesson )!.id, s.title );
			}
			return;
		case 'renameCourse':
			act.setCourseTitle( s.title );
			return;
		case 'describeCourse':
			act.setCourseDescription( s.title );
			return;
		case 'deleteSection':
			if ( section( s.section ) ) {
				act.deleteSection( section( s.section )!.id );
			}
			return;
		case 'deleteLesson':
			if ( lesson( s.lesson ) ) {
				act.deleteLesson( lesson( s.lesson )!.id );
			}
			return;
		case 'moveSection':
			if ( section( s.section ) ) {
				act.moveSection(
					section( s.section )!.id,
					s.to % sections.length
				);
			}
			return;
		case 'moveLesson': {
			const target = section( s.section );
			if ( lesson( s.lesson ) && target ) {
				act.moveLesson(
					lesson( s.lesson )!.id,
					target.id,
					s.to % ( target.lessons.length + 1 )
				);
			}
			return;
		}
		case 'undo':
			for ( let i = 0; i < s.times; i++ ) {
				act.undo();
			}
			return;
		case 'redo':
			for ( let i = 0; i < s.times; i++ ) {
				act.redo();
			}
	}
}

/** The model's first outline, as a chat reply delivers it. */
const AI_OUTLINE = courseOf(
	'Beekeeping for Beginners',
	'From the first hive to the first honey.',
	[
		sectionOf( 'section-1', 'Introduction to Beekeeping', [
			[ 'lesson-1-1', 'What Is Beekeeping?' ],
			[ 'lesson-1-2', 'Why Bees Matter' ],
		] ),
		sectionOf( 'section-2', 'Putting Beekeeping into Practice', [
			[ 'lesson-2-1', 'Your First Hive' ],
		] ),
	]
);

describe( 'an outline edited any way saves (issue 17)', () => {
	let dir: string;
	beforeEach( () => {
		dir = fs.mkdtempSync( path.join( os.tmpdir(), 'mpcc-drafts-' ) );
	} );
	afterEach( () => {
		fs.rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'every session the reducer makes is accepted by the PHP validator', () => {
		let sessions = 0;
		fc.assert(
			fc.property(
				fc.boolean(),
				fc.array( step, { minLength: 1, maxLength: 40 } ),
				( fromModel, steps ) => {
					const registry = createRegistry();
					registry.register( store );
					if ( fromModel ) {
						// Start from a complete outline such as the model's first reply.
						const act = registry.dispatch( store );
						act.setCourseTitle( AI_OUTLINE.title );
						act.setCourseDescription( AI_OUTLINE.description );
						AI_OUTLINE.sections.forEach( ( section ) =>
							act.addSection( section )
						);
					}
					fs.rmSync( dir, { recursive: true, force: true } );
					fs.mkdirSync( dir );
					const written: Array< [ string, Step | null ] > = [];
					const write = ( s: Step | null ) => {
						const name = `${ String( written.length ).padStart( 3, '0' ) }.json`;
						fs.writeFileSync(
							path.join( dir, name ),
							JSON.stringify(
								registry.select( store ).getSessionPayload()
							)
						);
						written.push( [ name, s ] );
					};
					for ( const s of steps ) {
						apply( registry, s );
						write( s );
					}
					sessions += written.length;
					const answers = phpValidate( dir );
					expect( Object.keys( answers ) ).toHaveLength(
						written.length
					);
					for ( const [ name, s ] of written ) {
						if ( answers[ name ]?.length ) {
							throw new Error(
								`refused after ${ JSON.stringify( s ) }: ${ answers[ name ].join( '; ' ) }`
							);
						}
					}
				}
			),
			{ numRuns: 60 }
		);
		expect( sessions ).toBeGreaterThan( 60 );
	} );
} );
