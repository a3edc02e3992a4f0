/**
 * A few core blocks registered with @wordpress/blocks (their package registers none in tests), so
 * parse / serialize / rawHandler run for real.
 */
import {
	getBlockType,
	registerBlockType,
	serialize,
	setDefaultBlockName,
	setFreeformContentHandlerName,
	setUnregisteredTypeHandlerName,
	type Block,
} from '@wordpress/blocks';
import { RawHTML } from '@wordpress/element';

/** What InnerBlocks.Content does: the inner blocks' markup, as is. */
function InnerBlocksContent( { blocks }: { blocks: Block[] } ) {
	return <RawHTML>{ serialize( blocks ) }</RawHTML>;
}

const html = ( selector: string ) =>
	( { type: 'string', source: 'html', selector, default: '' } ) as const;

export function registerTestBlocks(): void {
	if ( getBlockType( 'core/paragraph' ) ) {
		return;
	}
	const common = { category: 'text', apiVersion: 3, edit: () => null };
	registerBlockType( 'core/paragraph', {
		...common,
		title: 'Paragraph',
		attributes: { content: html( 'p' ) },
		save: ( { attributes }: { attributes: { content: string } } ) => (
			<p>
				<RawHTML>{ attributes.content }</RawHTML>
			</p>
		),
		transforms: {
			from: [
				{
					type: 'raw',
					selector: 'p',
					schema: ( {
						phrasingContentSchema,
					}: {
						phrasingContentSchema: unknown;
					} ) => ( {
						p: { children: phrasingContentSchema },
					} ),
				},
			],
		},
	} as never );
	registerBlockType( 'core/heading', {
		...common,
		title: 'Heading',
		attributes: {
			content: html( 'h1,h2,h3,h4,h5,h6' ),
			level: { type: 'number', default: 2 },
		},
		save: ( {
			attributes,
		}: {
			attributes: { content: string; level: number };
		} ) => {
			const Tag = `h${ attributes.level }` as 'h2';
			return (
				<Tag className="wp-block-heading">
					<RawHTML>{ attributes.content }</RawHTML>
				</Tag>
			);
		},
	} as never );
	registerBlockType( 'core/list', {
		...common,
		title: 'List',
		attributes: { ordered: { type: 'boolean', default: false } },
		save: ( {
			attributes,
			innerBlocks,
		}: {
			attributes: { ordered: boolean };
			innerBlocks: Block[];
		} ) => {
			const Tag = attributes.ordered ? 'ol' : 'ul';
			return (
				<Tag className="wp-block-list">
					<InnerBlocksContent blocks={ innerBlocks } />
				</Tag>
			);
		},
	} as never );
	registerBlockType( 'core/list-item', {
		...common,
		title: 'List item',
		parent: [ 'core/list' ],
		attributes: { content: html( 'li' ) },
		save: ( { attributes }: { attributes: { content: string } } ) => (
			<li>
				<RawHTML>{ attributes.content }</RawHTML>
			</li>
		),
	} as never );
	registerBlockType( 'core/group', {
		...common,
		title: 'Group',
		attributes: {},
		save: ( { innerBlocks }: { innerBlocks: Block[] } ) => (
			<div className="wp-block-group">
				<InnerBlocksContent blocks={ innerBlocks } />
			</div>
		),
	} as never );
	for ( const name of [ 'core/freeform', 'core/html' ] ) {
		registerBlockType( name, {
			...common,
			title: name,
			attributes: { content: { type: 'string', source: 'raw' } },
			save: ( { attributes }: { attributes: { content: string } } ) => (
				<RawHTML>{ attributes.content }</RawHTML>
			),
		} as never );
	}
	registerBlockType( 'core/missing', {
		...common,
		title: 'Missing',
		attributes: {
			originalName: { type: 'string' },
			originalContent: { type: 'string', source: 'raw' },
		},
		save: ( {
			attributes,
		}: {
			attributes: { originalContent: string };
		} ) => <RawHTML>{ attributes.originalContent }</RawHTML>,
	} as never );
	setDefaultBlockName( 'core/paragraph' );
	setFreeformContentHandlerName( 'core/freeform' );
	setUnregisteredTypeHandlerName( 'core/missing' );
}
