/**
 * The one place that turns generated questions into editor blocks and inserts them.
 *
 * - Our blocks, `courses-copilot/<type>-question` (blocks/), carry the question in their attributes.
 * - MemberPress Courses' own, `memberpress-courses/<type>-question`, are used instead when they are
 *   registered. Their blocks carry only `questionId`; the question itself lives in their store
 *   `memberpress/course/question` (a placeholder keyed by the block's clientId, then an id reserved
 *   on their REST API and saved with the quiz). That path cannot run here without MemberPress
 *   Courses: it follows their public editor code, is kept to `toMemberPressCourses()` below, and is
 *   tested only against a stand-in of their store.
 *
 * All blocks go in with one `insertBlocks` call, so one Undo removes them all.
 */
import { createBlock, getBlockType } from '@wordpress/blocks';
import { store as blockEditorStore } from '@wordpress/block-editor';
import type { DataRegistry } from '@wordpress/data';
import type { QuestionType, QuizQuestion } from '../../schemas/quiz';
import {
	BLOCK_SLUGS,
	blockNameFor,
	toAttributes,
} from '../../../blocks/shared/attributes';

export const MEMBERPRESS_QUESTION_STORE = 'memberpress/course/question';

type Block = ReturnType< typeof createBlock >;

export type BlockProvider = 'courses-copilot' | 'memberpress-courses';

export function memberPressBlockName( type: QuestionType ): string {
	return `memberpress-courses/${ BLOCK_SLUGS[ type ] }`;
}

/** Which blocks a question of this type becomes on this site. */
export function providerFor( type: QuestionType ): BlockProvider {
	return getBlockType( memberPressBlockName( type ) )
		? 'memberpress-courses'
		: 'courses-copilot';
}

/** Our block for one question. */
export function toOurBlock( question: QuizQuestion ): Block {
	return createBlock( blockNameFor( question.type ), {
		...toAttributes( question ),
	} );
}

/* ---- MemberPress Courses (isolated; see the header) ---------------------------------------- */

interface MemberPressQuestionActions {
	addPlaceholder?: (
		clientId: string,
		values: Record< string, unknown >
	) => unknown;
	getNextQuestionId?: (
		quizId: number,
		clientId: string
	) => Promise< { id?: number } | undefined >;
}

/** Their placeholder values, as their question editor reads them (types use hyphens there). */
export function memberPressValues(
	question: QuizQuestion,
	number: number
): Record< string, unknown > {
	const attributes = toAttributes( question );
	const answers = Array.isArray( attributes.correctAnswer )
		? attributes.correctAnswer
		: [ attributes.correctAnswer ];
	const values: Record< string, unknown > = {
		question: attributes.question,
		type: BLOCK_SLUGS[ question.type ].replace( /-question$/, '' ),
		number,
		required: true,
		points: attributes.points,
		feedback: attributes.explanation,
	};
	if (
		question.type === 'multiple_choice' ||
		question.type === 'multiple_answer'
	) {
		values.options = attributes.options.map( ( value ) => ( {
			value,
			isCorrect: answers.includes( value ),
		} ) );
		const indexes = attributes.options.flatMap( ( o, i ) =>
			answers.includes( o ) ? [ i ] : []
		);
		values.answer =
			question.type === 'multiple_choice'
				? ( indexes[ 0 ] ?? -1 )
				: indexes;
	} else if ( question.type === 'true_false' ) {
		values.correctAnswer = attributes.correctAnswer === 'true';
	} else {
		values.expectedAnswer = answers[ 0 ] ?? '';
	}
	return values;
}

async function toMemberPressCourses(
	registry: DataRegistry,
	question: QuizQuestion,
	number: number,
	quizId: number
): Promise< Block > {
	const block = createBlock( memberPressBlockName( question.type ), {
		questionId: 0,
	} );
	const store = (
		registry.dispatch as (
			name: string
		) => MemberPressQuestionActions | undefined
	 )( MEMBERPRESS_QUESTION_STORE );
	store?.addPlaceholder?.(
		block.clientId,
		memberPressValues( question, number )
	);
	try {
		const reserved = quizId
			? await store?.getNextQuestionId?.( quizId, block.clientId )
			: undefined;
		if ( reserved?.id ) {
			// Same clientId: their store has moved the placeholder to the reserved id.
			return {
				...block,
				attributes: { ...block.attributes, questionId: reserved.id },
			};
		}
	} catch {
		// Without a reserved id their editor keeps the placeholder under the clientId and saves it with the quiz.
	}
	return block;
}

/* ---------------------------------------------------------------------------------------------- */

/**
 * The question texts of the quiz being edited (our blocks carry them in their attributes), sent with
 * a generation so that questions the quiz already has are flagged rather than inserted twice.
 */
export function quizQuestionTexts( registry: DataRegistry ): string[] {
	type QuizBlock = {
		name: string;
		attributes: Record< string, unknown >;
		innerBlocks?: QuizBlock[];
	};
	const editor = registry.select( blockEditorStore ) as unknown as {
		getBlocks: () => QuizBlock[];
	};
	const texts: string[] = [];
	const visit = ( blocks: QuizBlock[] ) => {
		for ( const block of blocks ) {
			const question = block.attributes?.question;
			if (
				block.name.endsWith( '-question' ) &&
				typeof question === 'string' &&
				question.trim()
			) {
				texts.push( question.trim().slice( 0, 2000 ) );
			}
			visit( block.innerBlocks ?? [] );
		}
	};
	visit( editor.getBlocks() );
	return texts.slice( 0, 100 );
}

export interface InsertOptions {
	/** The quiz being edited (MemberPress Courses reserves question ids per quiz). */
	quizId?: number;
}

/**
 * Builds one block per question and appends them to the post in one step. Resolves to the
 * client ids inserted.
 */
export async function insertQuestions(
	registry: DataRegistry,
	questions: QuizQuestion[],
	{ quizId = 0 }: InsertOptions = {}
): Promise< string[] > {
	if ( ! questions.length ) {
		return [];
	}
	const blocks: Block[] = [];
	const existing = registry.select( blockEditorStore ) as unknown as {
		getBlockOrder: ( root?: string ) => string[];
	};
	let number = existing.getBlockOrder().length;
	for ( const question of questions ) {
		number += 1;
		blocks.push(
			providerFor( question.type ) === 'memberpress-courses'
				? await toMemberPressCourses(
						registry,
						question,
						number,
						quizId
					)
				: toOurBlock( question )
		);
	}
	const editor = registry.dispatch( blockEditorStore ) as unknown as {
		insertBlocks: (
			blocks: Block[],
			index?: number,
			rootClientId?: string,
			updateSelection?: boolean
		) => unknown;
	};
	editor.insertBlocks(
		blocks,
		existing.getBlockOrder().length,
		undefined,
		false
	);
	return blocks.map( ( b ) => b.clientId );
}
