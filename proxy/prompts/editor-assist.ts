import {
	EditorAssistResponseSchema,
	type EditorAssistRequest,
} from '../../src/schemas';
import type { GenerateRequest } from '../providers/types';
import { modelJsonSchema } from './json-schema';
import { conversationTurns } from './history';

export const EditorAssistOutputSchema = EditorAssistResponseSchema.omit( {
	demo: true,
} );
export const OUTPUT_JSON_SCHEMA = modelJsonSchema( EditorAssistOutputSchema );

const MAX_POST_CHARS = 16_000;

export function editorAssistPrompt(
	request: EditorAssistRequest
): GenerateRequest {
	const { post } = request;
	const kind =
		post.type === 'mpcs-course' ? 'course overview page' : 'lesson';
	const context = [
		`Post type: ${ kind } (id ${ post.id }). Title: “${ post.title }”.`,
		post.course_title ? `Course: ${ post.course_title }.` : '',
		post.section_title ? `Section: ${ post.section_title }.` : '',
		post.sections
			? `Sections: ${ post.sections.map( ( s ) => `${ s.title } (${ s.lesson_count } lessons)` ).join( '; ' ) }.`
			: '',
		post.excerpt ? `Excerpt: ${ post.excerpt }` : '',
		post.selected_block
			? `Selected block (${ post.selected_block.name }):\n${ post.selected_block.content }`
			: 'No block is selected.',
		`Content (block markup${ post.content.length > MAX_POST_CHARS ? ', truncated' : '' }):\n${ post.content.slice( 0, MAX_POST_CHARS ) }`,
	].filter( Boolean );
	const system = [
		`You are Courses Copilot in the WordPress block editor, helping improve a ${ kind } of an online course.`,
		'Answer with one JSON object and nothing else: "message" (your reply, plain text, first) and "suggestions" (0–5 changes the editor can apply with one click).',
		'Suggestion types: {"type":"insert_blocks","id","label","position":"cursor"|"end","content":<block markup>}, {"type":"replace_block","id","label","content":<block markup for the selected block>} (only when a block is selected), {"type":"set_title","id","label","title"}, {"type":"set_excerpt","id","label","excerpt"}.',
		'Block markup uses core/heading (class "wp-block-heading"), core/paragraph and core/list with core/list-item children, serialized as WordPress does. Labels are short imperative phrases.',
		context.join( '\n' ),
	].join( '\n\n' );
	return {
		system,
		messages: conversationTurns( request ),
		json: { name: 'editor_assist', schema: OUTPUT_JSON_SCHEMA },
	};
}
