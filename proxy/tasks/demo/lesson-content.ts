import type { LessonContentRequest } from '../../../src/schemas';
import {
	headingBlock,
	listBlock,
	paragraphBlock,
	serializeBlocks,
} from '../../output/block-markup';
import { findLesson } from '../../prompts/find-lesson';
import { keyTerms, titleCase } from '../../text/text-analysis';

/** A lesson written from its own title, its section and the course: real core blocks, no filler text. */
export function demoLessonContent( request: LessonContentRequest ): string {
	const { course } = request;
	const { section, lesson } = findLesson(
		course,
		request.section_id,
		request.lesson_id
	);
	const terms = keyTerms(
		`${ lesson.title } ${ lesson.title } ${ section.title } ${ course.title }`,
		4
	);
	const [
		a = lesson.title.toLowerCase(),
		b = section.title.toLowerCase(),
		c = course.title.toLowerCase(),
	] = terms;
	const blocks = [
		headingBlock( 'Overview' ),
		paragraphBlock(
			`This lesson of “${ course.title }” belongs to “${ section.title }”. It covers ${ lesson.title.replace( /[?.!]$/, '' ).toLowerCase() }: what ${ a } is, how it relates to ${ b }, and how to use it with confidence.`
		),
		headingBlock( 'Learning objectives' ),
		listBlock( [
			`Explain what ${ a } means in ${ c }.`,
			`Apply ${ b } in a short practical task.`,
			`Recognise common mistakes with ${ a } and how to avoid them.`,
		] ),
		headingBlock( `Understanding ${ titleCase( a ) }` ),
		paragraphBlock(
			`${ titleCase( a ) } is one of the building blocks of ${ c }. Start with a simple example, name each part, and notice how ${ a } changes the result.`
		),
		paragraphBlock(
			`Once the idea is clear, connect ${ a } with ${ b }: most real tasks in ${ c } use both together.`
		),
		headingBlock( 'Try it yourself' ),
		listBlock(
			[
				`Write down one situation where you would use ${ a }.`,
				`Work through it step by step, using ${ b } where it fits.`,
				'Compare your result with a classmate or with the example above.',
			],
			true
		),
	];
	if ( request.instructions?.trim() ) {
		blocks.push(
			headingBlock( 'Your focus' ),
			paragraphBlock( `As requested: ${ request.instructions.trim() }` )
		);
	}
	blocks.push(
		headingBlock( 'Summary' ),
		paragraphBlock(
			`You have seen what ${ a } is, how it works with ${ b }, and how to practise it. Next, carry this into the following lesson of “${ section.title }”.`
		)
	);
	return serializeBlocks( blocks );
}
