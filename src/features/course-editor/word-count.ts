/** Plain words in a draft's block markup (for "N words"). */
export function wordCount( markup: string ): number {
	const text = markup
		.replace( /<!--[\s\S]*?-->/g, ' ' )
		.replace( /<[^>]+>/g, ' ' )
		.trim();
	return text ? text.split( /\s+/ ).length : 0;
}
