import type {
	EditorAssistRequest,
	EditorAssistResponse,
	EditorSuggestion,
} from '../../../src/schemas';
import {
	headingBlock,
	listBlock,
	paragraphBlock,
	serializeBlocks,
} from '../../output/block-markup';
import {
	keyTerms,
	sentencesOf,
	stableId,
	stripMarkup,
	titleCase,
} from '../../text/text-analysis';

/** The demo assistant sidebar: recognises what the editor asked for and proposes typed suggestions from the post itself. */
type AssistResult = Omit< EditorAssistResponse, 'demo' >;

function suggestion< T extends Omit< EditorSuggestion, 'id' > >(
	value: T
): T & { id: string } {
	return { ...value, id: stableId( 'sugg', JSON.stringify( value ) ) };
}

export function demoEditorAssist( request: EditorAssistRequest ): AssistResult {
	const { post, message } = request;
	const text = stripMarkup( post.content );
	const source = `${ post.title } ${ post.title } ${ text }`;
	const terms = keyTerms( source, 6 );
	const [ a = 'the topic', b = 'its key ideas', c = 'practice' ] = terms;
	const kind = post.type === 'mpcs-course' ? 'course' : 'lesson';
	const ask = message.toLowerCase();

	if ( /objective|goal|outcome/.test( ask ) ) {
		const content = serializeBlocks( [
			headingBlock( 'Learning objectives' ),
			listBlock( [
				`Explain the role of ${ a } in this ${ kind }.`,
				`Use ${ b } to solve a realistic problem.`,
				`Evaluate when ${ c } is the right approach.`,
			] ),
		] );
		return {
			message: `Here are learning objectives drawn from this ${ kind }'s main terms (${ terms.slice( 0, 3 ).join( ', ' ) || 'its title' }).`,
			suggestions: [
				suggestion( {
					type: 'insert_blocks',
					label: 'Insert learning objectives',
					position: 'cursor',
					content,
				} ),
			],
		};
	}
	const sentences = sentencesOf( text );
	if ( /summar|recap|excerpt/.test( ask ) ) {
		const summary =
			sentences.slice( 0, 2 ).join( ' ' ) ||
			`This ${ kind } introduces ${ a } and ${ b }.`;
		const content = serializeBlocks( [
			headingBlock( 'Summary' ),
			paragraphBlock( summary ),
		] );
		return {
			message: `A summary from the ${ kind }'s opening sentences; you can insert it or use it as the excerpt.`,
			suggestions: [
				suggestion( {
					type: 'insert_blocks',
					label: 'Add a summary at the end',
					position: 'end',
					content,
				} ),
				suggestion( {
					type: 'set_excerpt',
					label: 'Use as excerpt',
					excerpt: summary.slice( 0, 1000 ),
				} ),
			],
		};
	}
	if ( /improve|rewrite|clarif|polish|simplif|shorten/.test( ask ) ) {
		const selected = post.selected_block
			? stripMarkup( post.selected_block.content )
			: sentences.slice( 0, 3 ).join( ' ' );
		const improved = ( selected || `This ${ kind } explains ${ a }.` )
			.replace( /\s+/g, ' ' )
			.replace( /\b(very|really|just|basically|actually)\s+/gi, '' )
			.replace( /\b(\w+) \1\b/gi, '$1' )
			.trim();
		const content = paragraphBlock( improved );
		return {
			message: post.selected_block
				? 'A tighter version of the selected block, with filler words removed.'
				: 'Select a block to rewrite it in place; meanwhile here is a tighter version of the opening.',
			suggestions: [
				post.selected_block
					? suggestion( {
							type: 'replace_block',
							label: 'Replace the selected block',
							content,
						} )
					: suggestion( {
							type: 'insert_blocks',
							label: 'Insert the tighter opening',
							position: 'cursor',
							content,
						} ),
			],
		};
	}
	if ( /outline|structure|plan/.test( ask ) ) {
		const words = keyTerms( post.title || source, 4 ).map( titleCase );
		const topics = words.length ? words : [ titleCase( a ) ];
		const content = serializeBlocks(
			topics.flatMap( ( topic ) => [
				headingBlock( topic ),
				paragraphBlock(
					`What ${ topic.toLowerCase() } means here, with one example.`
				),
			] )
		);
		return {
			message: `An outline from the title “${ post.title }”: one heading per main idea.`,
			suggestions: [
				suggestion( {
					type: 'insert_blocks',
					label: 'Insert outline',
					position: 'end',
					content,
				} ),
			],
		};
	}
	if ( /next lesson|what.*next|follow[- ]up/.test( ask ) ) {
		const title = `${ titleCase( b ) } in Practice`;
		return {
			message: `A natural next lesson after “${ post.title }” would be “${ title }”${ post.section_title ? ` in the section “${ post.section_title }”` : '' }: it takes ${ a } into a hands-on task.`,
			suggestions: [
				suggestion( {
					type: 'insert_blocks',
					label: 'Add a “Next up” note',
					position: 'end',
					content: paragraphBlock( `Next up: ${ title }.` ),
				} ),
			],
		};
	}
	if ( /title|headline|name/.test( ask ) ) {
		const title =
			terms.length >= 2
				? `${ titleCase( a ) } and ${ titleCase( b ) }: A Practical Guide`
				: `${ titleCase( post.title || a ) }: A Practical Guide`;
		return {
			message: `A title built from the ${ kind }'s main terms.`,
			suggestions: [
				suggestion( {
					type: 'set_title',
					label: `Set title to “${ title }”`,
					title: title.slice( 0, 200 ),
				} ),
			],
		};
	}
	return {
		message: `I can add learning objectives, summarize, improve the selected block, suggest a title or an outline, or suggest the next lesson. This ${ kind } is mostly about ${ terms.slice( 0, 3 ).join( ', ' ) || 'its title' }.`,
		suggestions: [
			suggestion( {
				type: 'insert_blocks',
				label: 'Insert learning objectives',
				position: 'cursor',
				content: serializeBlocks( [
					headingBlock( 'Learning objectives' ),
					listBlock( [ `Explain ${ a }.`, `Apply ${ b }.` ] ),
				] ),
			} ),
		],
	};
}
