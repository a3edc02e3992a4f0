import type { LessonContentRequest } from '../../src/schemas';
import { findLesson } from './find-lesson';
import type { GenerateRequest } from '../providers/types';

const EXAMPLE = `<!-- wp:heading -->
<h2 class="wp-block-heading">Overview</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>One idea per paragraph.</p>
<!-- /wp:paragraph -->

<!-- wp:list -->
<ul class="wp-block-list"><!-- wp:list-item -->
<li>First point</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Second point</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->`;

export function lessonContentPrompt(
	request: LessonContentRequest
): GenerateRequest {
	const { section, lesson } = findLesson(
		request.course,
		request.section_id,
		request.lesson_id
	);
	const outline = request.course.sections
		.map(
			( s ) =>
				`- ${ s.title }: ${ s.lessons.map( ( l ) => l.title ).join( '; ' ) }`
		)
		.join( '\n' );
	const system = [
		'You write one lesson of an online course as WordPress block markup.',
		'Use only core/heading (h2 or h3, class "wp-block-heading"), core/paragraph and core/list with core/list-item children, serialized exactly as WordPress does, for example:',
		EXAMPLE,
		'Structure: a short overview, learning objectives as a list, the teaching itself in headed parts with concrete examples, a practice task, and a summary.',
		'Output only the block markup: no code fences, no JSON, no commentary.',
		`Course: ${ request.course.title } — ${ request.course.description }`,
		`Outline:\n${ outline }`,
	].join( '\n\n' );
	const details = [
		`Write the lesson “${ lesson.title }” in the section “${ section.title }”.`,
		lesson.summary ? `It should cover: ${ lesson.summary }` : '',
		lesson.duration_minutes
			? `Length: about ${ lesson.duration_minutes } minutes of study.`
			: '',
		request.instructions
			? `Author's instructions: ${ request.instructions }`
			: '',
	].filter( Boolean );
	return {
		system,
		messages: [ { role: 'user', content: details.join( '\n' ) } ],
	};
}
