/**
 * Block markup exactly as WordPress 6.5+ serializes core blocks, so content we produce round-trips
 * through wp.blocks.parse/serialize unchanged (heading and list carry their wp-block-* classes,
 * list items are inner blocks).
 */
export function escapeHtml( text: string ): string {
	return text
		.replace( /&/g, '&amp;' )
		.replace( /</g, '&lt;' )
		.replace( />/g, '&gt;' )
		.replace( /"/g, '&quot;' );
}

export function headingBlock( text: string, level: 2 | 3 | 4 = 2 ): string {
	const attrs = level === 2 ? '' : ` {"level":${ level }}`;
	return `<!-- wp:heading${ attrs } -->\n<h${ level } class="wp-block-heading">${ escapeHtml( text ) }</h${ level }>\n<!-- /wp:heading -->`;
}

export function paragraphBlock( text: string ): string {
	return `<!-- wp:paragraph -->\n<p>${ escapeHtml( text ) }</p>\n<!-- /wp:paragraph -->`;
}

export function listBlock( items: readonly string[], ordered = false ): string {
	const tag = ordered ? 'ol' : 'ul';
	const children = items
		.map(
			( item ) =>
				`<!-- wp:list-item -->\n<li>${ escapeHtml( item ) }</li>\n<!-- /wp:list-item -->`
		)
		.join( '\n\n' );
	return `<!-- wp:list${ ordered ? ' {"ordered":true}' : '' } -->\n<${ tag } class="wp-block-list">${ children }</${ tag }>\n<!-- /wp:list -->`;
}

export function serializeBlocks( blocks: readonly string[] ): string {
	return blocks.join( '\n\n' );
}

export function hasBlockMarkup( text: string ): boolean {
	return /<!--\s+wp:[a-z]/.test( text );
}

/** Every opened block comment is closed in order (self-closing `/-->` ones excepted). */
export function blockMarkupIsBalanced( markup: string ): boolean {
	const stack: string[] = [];
	for ( const match of markup.matchAll(
		/<!--\s+(\/?)wp:([a-z0-9/-]+)[^]*?(\/?)-->/g
	) ) {
		const [ , closing, name, selfClosing ] = match;
		if ( selfClosing ) {
			continue;
		}
		if ( closing ) {
			if ( stack.pop() !== name ) {
				return false;
			}
		} else if ( name ) {
			stack.push( name );
		}
	}
	return stack.length === 0;
}

/**
 * Repair for a model that answered in Markdown or plain text instead of block markup:
 * headings, bullet/numbered lists and paragraphs become the matching core blocks.
 */
export function textToBlocks( text: string ): string {
	const blocks: string[] = [];
	let list: { ordered: boolean; items: string[] } | undefined;
	let paragraph: string[] = [];
	const inline = ( line: string ) =>
		line
			.replace( /\*\*(.+?)\*\*/g, '$1' )
			.replace( /`([^`]+)`/g, '$1' )
			.trim();
	const flushParagraph = () => {
		if ( paragraph.length ) {
			blocks.push( paragraphBlock( inline( paragraph.join( ' ' ) ) ) );
			paragraph = [];
		}
	};
	const flushList = () => {
		if ( list ) {
			blocks.push( listBlock( list.items, list.ordered ) );
			list = undefined;
		}
	};
	for ( const raw of text.replace( /<[^>]+>/g, '' ).split( /\r?\n/ ) ) {
		const line = raw.trim();
		const headingMatch = /^(#{1,4})\s+(.+)$/.exec( line );
		const bullet = /^[-*•]\s+(.+)$/.exec( line );
		const numbered = /^\d+[.)]\s+(.+)$/.exec( line );
		if ( ! line ) {
			flushParagraph();
			flushList();
		} else if ( headingMatch?.[ 2 ] ) {
			flushParagraph();
			flushList();
			const level = Math.min(
				4,
				Math.max( 2, headingMatch[ 1 ]?.length ?? 2 )
			) as 2 | 3 | 4;
			blocks.push( headingBlock( inline( headingMatch[ 2 ] ), level ) );
		} else if ( bullet?.[ 1 ] || numbered?.[ 1 ] ) {
			flushParagraph();
			const ordered = Boolean( numbered );
			if ( list && list.ordered !== ordered ) {
				flushList();
			}
			list ??= { ordered, items: [] };
			list.items.push(
				inline( ( bullet?.[ 1 ] ?? numbered?.[ 1 ] ) as string )
			);
		} else {
			flushList();
			paragraph.push( line );
		}
	}
	flushParagraph();
	flushList();
	return serializeBlocks( blocks );
}
