/**
 * Finds the objects of the first JSON array while the JSON still streams, so each quiz question
 * can be validated and sent the moment its closing brace arrives. Linear in the input.
 */
export class JsonArrayItemScanner {
	private buffer = '';
	private position = 0;
	private depth = 0;
	private inString = false;
	private escaped = false;
	private arrayLevel = -1;
	private itemStart = -1;

	/** Feeds more text; returns the complete item texts that closed in it. */
	feed( chunk: string ): string[] {
		this.buffer += chunk;
		const items: string[] = [];
		for ( ; this.position < this.buffer.length; this.position++ ) {
			const ch = this.buffer[ this.position ];
			if ( this.inString ) {
				if ( this.escaped ) {
					this.escaped = false;
				} else if ( ch === '\\' ) {
					this.escaped = true;
				} else if ( ch === '"' ) {
					this.inString = false;
				}
				continue;
			}
			if ( ch === '"' ) {
				this.inString = true;
			} else if ( ch === '[' || ch === '{' ) {
				if ( ch === '[' && this.arrayLevel === -1 ) {
					this.arrayLevel = this.depth + 1;
				} else if ( ch === '{' && this.depth === this.arrayLevel ) {
					this.itemStart = this.position;
				}
				this.depth++;
			} else if ( ch === ']' || ch === '}' ) {
				this.depth--;
				if (
					ch === '}' &&
					this.depth === this.arrayLevel &&
					this.itemStart !== -1
				) {
					items.push(
						this.buffer.slice( this.itemStart, this.position + 1 )
					);
					this.itemStart = -1;
				}
			}
		}
		return items;
	}
}
