/**
 * Registers the question blocks used where MemberPress Courses' own are not present. Where
 * `memberpress-courses/*-question` exist (MemberPress Courses installed later), ours are still
 * registered, so quizzes written with them keep editing and rendering instead of turning into
 * "unsupported block"s, but hidden from the inserter, so a quiz never offers two blocks for one
 * kind of question. PHP registers the same block.json files the same way.
 * The blocks are dynamic: nothing is saved but their attributes, and render.php draws them.
 */
import {
	getBlockType,
	registerBlockType,
	type BlockConfiguration,
} from '@wordpress/blocks';
import type { ComponentType } from 'react';
import multipleChoice from './multiple-choice-question/block.json';
import trueFalse from './true-false-question/block.json';
import multipleAnswer from './multiple-answer-question/block.json';
import shortAnswer from './short-answer-question/block.json';
import MultipleChoiceEdit from './multiple-choice-question/edit';
import TrueFalseEdit from './true-false-question/edit';
import MultipleAnswerEdit from './multiple-answer-question/edit';
import ShortAnswerEdit from './short-answer-question/edit';
import './shared/editor.scss';

type Metadata = { name: string } & Record< string, unknown >;

export const QUESTION_BLOCKS: Array< [ Metadata, ComponentType< any > ] > = [
	[ multipleChoice, MultipleChoiceEdit ],
	[ trueFalse, TrueFalseEdit ],
	[ multipleAnswer, MultipleAnswerEdit ],
	[ shortAnswer, ShortAnswerEdit ],
];

/** Their block of the same kind, e.g. memberpress-courses/true-false-question. */
export function memberPressCoursesName( name: string ): string {
	return name.replace( /^courses-copilot\//, 'memberpress-courses/' );
}

export function registerQuestionBlocks(): string[] {
	const registered: string[] = [];
	for ( const [ metadata, edit ] of QUESTION_BLOCKS ) {
		if ( getBlockType( metadata.name )?.edit ) {
			continue;
		}
		const theirs = !! getBlockType(
			memberPressCoursesName( metadata.name )
		);
		const supports = {
			...( metadata.supports as Record< string, unknown > ),
			...( theirs ? { inserter: false } : {} ),
		};
		const type = registerBlockType(
			{ ...metadata, supports } as unknown as BlockConfiguration,
			{ edit, save: () => null }
		);
		if ( type ) {
			registered.push( type.name );
		}
	}
	return registered;
}

registerQuestionBlocks();
