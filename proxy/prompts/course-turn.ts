import {
	CourseTurnResponseSchema,
	type ConversationState,
	type CourseTurnRequest,
} from '../../src/schemas';
import type { GenerateRequest } from '../providers/types';
import { modelJsonSchema } from './json-schema';
import { conversationTurns } from './history';

/** What the model must return for a course-design turn (the response without `demo`). */
export const CourseTurnOutputSchema = CourseTurnResponseSchema.omit( {
	demo: true,
} );
export const OUTPUT_JSON_SCHEMA = modelJsonSchema( CourseTurnOutputSchema );

const STAGE_GUIDES: Record< ConversationState, string > = {
	initial:
		'Stage: initial. No outline exists yet. If the message names a topic, even loosely, draft a complete outline now: 3–6 sections of 2–5 lessons, each lesson with a one-sentence summary and duration_minutes, and set conversation_state to "course_structure". If there is no topic, ask one short question about the topic and the audience, set course_structure to null and conversation_state to "initial".',
	course_structure:
		'Stage: course_structure. An outline exists (below). Apply the author\'s change precisely and return the whole updated outline, keeping the ids of unchanged sections and lessons and giving new ones new ids. If the author approves ("looks good", "create it", "ready"), return the outline unchanged with conversation_state "ready_to_create". If they ask to write lesson content, use "content_generation". Otherwise stay at "course_structure".',
	content_generation:
		'Stage: content_generation. The author is writing lesson content for the outline below. Advise on what each lesson should cover and keep the outline unchanged unless asked. When they are done or ask to create the course, set "ready_to_create"; if they change the outline, apply it and set "course_structure".',
	ready_to_create:
		'Stage: ready_to_create. The outline is approved. Confirm in one or two sentences what will be created. If the author asks for changes, apply them and go back to "course_structure".',
	created:
		'Stage: created. The course exists in WordPress. Help with next steps; return the outline unchanged and keep conversation_state "created".',
};

export function courseTurnPrompt(
	request: CourseTurnRequest
): GenerateRequest {
	const structure = request.course_structure
		? JSON.stringify( request.course_structure )
		: 'none yet';
	const system = [
		'You are Courses Copilot, helping a WordPress site owner design an online course in MemberPress Courses.',
		STAGE_GUIDES[ request.conversation_state ],
		`Current outline (JSON): ${ structure }`,
		'Answer with one JSON object and nothing else, keys in this order: "message" (your reply to the author, plain text, friendly and brief), "course_structure" ({ title, description, sections: [{ id, title, description, lessons: [{ id, title, summary, duration_minutes }] }] } or null), "conversation_state" (one of initial, course_structure, content_generation, ready_to_create, created).',
		'Ids are short slugs such as "s1" or "s1-l2". Never invent facts about the author.',
	].join( '\n\n' );
	return {
		system,
		messages: conversationTurns( request ),
		json: { name: 'course_turn', schema: OUTPUT_JSON_SCHEMA },
	};
}
