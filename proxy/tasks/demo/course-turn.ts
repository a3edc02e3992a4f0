import { COURSE_LIMITS } from '../../../src/schemas/limits';
import type {
	CourseDraft,
	CourseStructure,
	CourseTurnRequest,
	CourseTurnResponse,
	Lesson,
	Section,
} from '../../../src/schemas';
import {
	capitalize,
	keyTerms,
	stableId,
	stableInt,
	titleCase,
} from '../../text/text-analysis';

/**
 * The demo course designer: reads the user's words for intent (a topic, approval, a request for
 * content, an added section, a new title) and answers with an outline built from those words.
 */
type TurnResult = Omit< CourseTurnResponse, 'demo' >;

const APPROVAL =
	/\b(looks? (good|great|fine)|sounds? good|create( it| the course| this)?|ready|let'?s go|go ahead|approve[d]?|perfect|ship it|build it|i'?m happy)\b/i;
const WANTS_CONTENT = /\b(content|write|draft|flesh out|fill in)\b/i;
const ADD_SECTION =
	/\badd (?:a |an |another |one more )?(?:section|module|chapter)(?: (?:about|on|for|covering|called))? (.+)/i;
const RENAME =
	/\b(?:rename (?:it|the course)?(?: to)?|call it|title it|change the title to|new title:?)\s+["“]?(.+?)["”]?\s*$/i;
const SMALL_TALK =
	/^(hi|hello|hey|hiya|howdy|good (morning|afternoon|evening)|thanks|thank you|help|what can you do)\b[\s!.?,]*(there)?[\s!.?]*$/i;
const TOPIC_PATTERNS = [
	/\b(?:course|class|workshop|training|program|programme|series|curriculum)\s+(?:about|on|for|covering|in|around|that teaches|teaching)\s+(.+)/i,
	/\b(?:teach(?:ing)?|learn(?:ing)?|about|on)\s+(?:people |students |beginners |others )?(?:how to )?(.+)/i,
];

export function topicOf( message: string ): string {
	let topic = message.trim();
	for ( const pattern of TOPIC_PATTERNS ) {
		const match = pattern.exec( message );
		if ( match?.[ 1 ] ) {
			topic = match[ 1 ];
			break;
		}
	}
	return topic
		.replace( /[.!?]+$/, '' )
		.replace( /^(the|a|an)\s+/i, '' )
		.replace( /\s+/g, ' ' )
		.trim()
		.slice( 0, 80 );
}

function courseTitle( topic: string ): string {
	const words = topic.split( ' ' );
	return titleCase(
		words.length > 8 ? words.slice( 0, 8 ).join( ' ' ) : topic
	);
}

/** The short name used inside section and lesson titles: the topic if short, else its top terms. */
function shortName( topic: string ): string {
	const words = topic.split( ' ' );
	if ( words.length <= 3 ) {
		return titleCase( topic );
	}
	const terms = keyTerms( topic, 2 );
	return titleCase(
		terms.length ? terms.join( ' ' ) : words.slice( 0, 3 ).join( ' ' )
	);
}

const MIDDLE_SECTIONS = [
	( term: string ) => `${ term } Fundamentals`,
	( term: string ) => `Working with ${ term }`,
	( term: string ) => `${ term } in Depth`,
];
const INTRO_LESSONS = [
	( n: string ) => `What Is ${ n }?`,
	( n: string ) => `Why ${ n } Matters`,
	( n: string ) => `Setting Up for ${ n }`,
	( n: string ) => `Key Vocabulary of ${ n }`,
];
const MIDDLE_LESSONS = [
	( t: string ) => `Understanding ${ t }`,
	( t: string ) => `${ t } Step by Step`,
	( t: string ) => `Common ${ t } Mistakes`,
	( t: string, u: string ) => `${ t } and ${ u }`,
];
const FINAL_LESSONS = [
	( n: string ) => `Planning Your First ${ n } Project`,
	( n: string ) => `Troubleshooting ${ n }`,
	() => 'Review and Next Steps',
	( n: string ) => `Capstone: ${ n } from Start to Finish`,
];

export function outlineFor( topic: string ): CourseStructure {
	const name = shortName( topic );
	const terms = keyTerms( topic, 6 ).map( titleCase );
	const pool = terms.length ? terms : [ name ];
	const sectionCount = 3 + ( stableInt( topic ) % 3 );
	const sections: Section[] = [];
	for ( let i = 0; i < sectionCount; i++ ) {
		const term = pool[ ( i - 1 + pool.length ) % pool.length ] ?? name;
		const next = pool[ i % pool.length ] ?? name;
		let title: string;
		let templates: Array< ( a: string, b: string ) => string >;
		let subject: string;
		if ( i === 0 ) {
			title = `Introduction to ${ name }`;
			templates = INTRO_LESSONS;
			subject = name;
		} else if ( i === sectionCount - 1 ) {
			title = `Putting ${ name } into Practice`;
			templates = FINAL_LESSONS;
			subject = name;
		} else {
			title = (
				MIDDLE_SECTIONS[ ( i - 1 ) % MIDDLE_SECTIONS.length ] as (
					t: string
				) => string
			 )( term );
			templates = MIDDLE_LESSONS;
			subject = term;
		}
		const lessonCount = 2 + ( stableInt( topic, i ) % 3 );
		const lessons: Lesson[] = [];
		for ( let j = 0; j < lessonCount; j++ ) {
			const template = templates[ j % templates.length ] as (
				a: string,
				b: string
			) => string;
			const lessonTitle = template(
				subject,
				next === subject ? name : next
			);
			lessons.push( {
				id: stableId( 'lesson', topic, i, j ),
				title: lessonTitle,
				summary: `${ lessonTitle.replace( /[?.!]$/, '' ) }: what it means for ${ name.toLowerCase() } and how to use it.`,
				duration_minutes: 10 + 5 * ( stableInt( topic, i, j ) % 4 ),
			} );
		}
		sections.push( {
			id: stableId( 'section', topic, i ),
			title,
			description:
				i === 0
					? `Where ${ name.toLowerCase() } starts.`
					: `${ title } for ${ name.toLowerCase() }.`,
			lessons,
		} );
	}
	return {
		title: courseTitle( topic ),
		description: `A practical course on ${ topic }, built step by step from the basics to a finished project.`,
		sections,
	};
}

function counts( structure: CourseStructure ): string {
	const lessons = structure.sections.reduce(
		( sum, s ) => sum + s.lessons.length,
		0
	);
	return `${ structure.sections.length } sections and ${ lessons } lessons`;
}

function describeOutline( structure: CourseStructure ): string {
	const lines = structure.sections.map(
		( s, i ) => `${ i + 1 }. ${ s.title } (${ s.lessons.length } lessons)`
	);
	return lines.join( '\n' );
}

function addSection(
	structure: CourseStructure,
	subject: string
): CourseStructure {
	const cleaned = subject.replace( /[.!?]+$/, '' ).trim();
	const name = titleCase( cleaned );
	const index = structure.sections.length;
	const lessons: Lesson[] = [
		`Introducing ${ name }`,
		`${ name } in Practice`,
		`${ name }: Review`,
	].map( ( title, j ) => ( {
		id: stableId( 'lesson', structure.title, cleaned, j ),
		title,
		summary: `${ title } within ${ structure.title }.`,
		duration_minutes: 15,
	} ) );
	const section: Section = {
		id: stableId( 'section', structure.title, cleaned ),
		title: name,
		description: `${ name } for ${ structure.title }.`,
		lessons,
	};
	const sections = [ ...structure.sections ];
	// Keep the practice section last: a new subject goes before it.
	sections.splice( Math.max( 1, index - 1 ), 0, section );
	return { ...structure, sections };
}

/**
 * The author's saved outline is a draft (untitled items, long titles); what the demo answers must
 * meet the creation rules like any model's answer, so it names what is untitled and shortens
 * what is too long, as a model asked for "the whole updated outline" would.
 */
export function finishedOutline( draft: CourseDraft ): CourseStructure {
	const fit = ( title: string, fallback: string ) =>
		( title.trim() || fallback ).slice( 0, COURSE_LIMITS.maxTitleLength );
	return {
		...draft,
		title: fit( draft.title, 'Untitled Course' ),
		description: draft.description.slice(
			0,
			COURSE_LIMITS.maxDescriptionLength
		),
		sections: draft.sections.map( ( section, s ) => ( {
			...section,
			title: fit( section.title, `Section ${ s + 1 }` ),
			lessons: section.lessons.map( ( lesson, l ) => ( {
				...lesson,
				title: fit( lesson.title, `Lesson ${ s + 1 }.${ l + 1 }` ),
			} ) ),
		} ) ),
	};
}

export function demoCourseTurn( request: CourseTurnRequest ): TurnResult {
	const message = request.message.trim();
	const structure = request.course_structure
		? finishedOutline( request.course_structure )
		: null;

	if ( structure ) {
		const addMatch = ADD_SECTION.exec( message );
		if ( addMatch?.[ 1 ] ) {
			const updated = addSection( structure, addMatch[ 1 ] );
			return {
				message: `I added a section on ${ titleCase( addMatch[ 1 ].replace( /[.!?]+$/, '' ) ) }. The course now has ${ counts( updated ) }.`,
				course_structure: updated,
				conversation_state: 'course_structure',
			};
		}
		const renameMatch = RENAME.exec( message );
		if ( renameMatch?.[ 1 ] ) {
			const title = titleCase(
				renameMatch[ 1 ].replace( /[.!?]+$/, '' )
			).slice( 0, 200 );
			return {
				message: `Renamed the course to “${ title }”.`,
				course_structure: { ...structure, title },
				conversation_state:
					request.conversation_state === 'initial'
						? 'course_structure'
						: request.conversation_state,
			};
		}
		if (
			WANTS_CONTENT.test( message ) &&
			! /\bcreate (it|the course)\b/i.test( message )
		) {
			const first = structure.sections[ 0 ]?.lessons[ 0 ];
			return {
				message: `Let's write the lessons of “${ structure.title }”. Pick a lesson and I'll draft its content as blocks${ first ? ` — “${ first.title }” is a good place to start` : '' }. When you're happy, say “create the course”.`,
				course_structure: structure,
				conversation_state: 'content_generation',
			};
		}
		if (
			APPROVAL.test( message ) &&
			! structure.sections.some( ( s ) => s.lessons.length > 0 )
		) {
			// Nothing to create yet: say so rather than "Press Create course" with no button to press.
			return {
				message: `“${ structure.title }” has no lessons yet. Add a section with at least one lesson — or tell me the topic and I will draft an outline — and then it can be created.`,
				course_structure: structure,
				conversation_state: 'course_structure',
			};
		}
		if ( APPROVAL.test( message ) ) {
			return {
				message: `“${ structure.title }” is ready: ${ counts( structure ) }. Press “Create course” and I'll build it in MemberPress Courses as a draft.`,
				course_structure: structure,
				conversation_state: 'ready_to_create',
			};
		}
		if (
			/\b(instead|about|on|change (it|the topic) to|make it)\b/i.test(
				message
			) &&
			keyTerms( topicOf( message ) ).length
		) {
			const outline = outlineFor( topicOf( message ) );
			return {
				message: `Here is a new outline for “${ outline.title }” with ${ counts( outline ) }:\n${ describeOutline( outline ) }\n\nTell me what to change, or say “looks good” to create it.`,
				course_structure: outline,
				conversation_state: 'course_structure',
			};
		}
		return {
			message: `“${ structure.title }” has ${ counts( structure ) }. You can ask me to add a section (for example “add a section about assessment”), rename the course, draft lesson content, or say “looks good” to create it.`,
			course_structure: structure,
			conversation_state:
				request.conversation_state === 'initial'
					? 'course_structure'
					: request.conversation_state,
		};
	}

	const topic = topicOf( message );
	if (
		SMALL_TALK.test( message ) ||
		keyTerms( topic ).length === 0 ||
		( APPROVAL.test( message ) && keyTerms( topic ).length < 2 )
	) {
		return {
			message:
				'What would you like to teach? Tell me the topic and who it is for — for example “a course on sourdough baking for beginners” — and I will draft an outline.',
			course_structure: null,
			conversation_state: 'initial',
		};
	}
	const outline = outlineFor( topic );
	return {
		message: `${ capitalize( `here is a first outline for “${ outline.title }” with ${ counts( outline ) }:` ) }\n${ describeOutline( outline ) }\n\nTell me what to change — add or rename sections, adjust lessons — or say “looks good” when it is ready.`,
		course_structure: outline,
		conversation_state: 'course_structure',
	};
}
