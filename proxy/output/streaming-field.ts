/**
 * Pulls one string field out of JSON while it streams, so a task route can forward the
 * human-readable part (`message`, `content`) as `delta` events before the JSON is complete.
 * Linear in the input: each character is looked at once.
 */
export class StreamingStringField {
	private buffer = '';
	private position = 0;
	private state: 'seeking' | 'value' | 'done' = 'seeking';
	private readonly opener: RegExp;

	constructor( field: string ) {
		this.opener = new RegExp( `"${ field }"\\s*:\\s*"`, 'g' );
	}

	get finished(): boolean {
		return this.state === 'done';
	}

	/** Feeds more raw model text; returns the newly decoded characters of the field (maybe ''). */
	feed( chunk: string ): string {
		this.buffer += chunk;
		if ( this.state === 'seeking' ) {
			this.opener.lastIndex = Math.max( 0, this.position - 64 );
			const match = this.opener.exec( this.buffer );
			if ( ! match ) {
				this.position = this.buffer.length;
				return '';
			}
			this.position = match.index + match[ 0 ].length;
			this.state = 'value';
		}
		if ( this.state !== 'value' ) {
			return '';
		}
		let out = '';
		while ( this.position < this.buffer.length ) {
			const ch = this.buffer[ this.position ] as string;
			if ( ch === '"' ) {
				this.state = 'done';
				this.position++;
				break;
			}
			if ( ch !== '\\' ) {
				out += ch;
				this.position++;
				continue;
			}
			const next = this.buffer[ this.position + 1 ];
			if ( next === undefined ) {
				break;
			}
			if ( next === 'u' ) {
				const hex = this.buffer.slice(
					this.position + 2,
					this.position + 6
				);
				if ( hex.length < 4 ) {
					break;
				}
				out += String.fromCharCode( parseInt( hex, 16 ) );
				this.position += 6;
				continue;
			}
			const escapes: Record< string, string > = {
				n: '\n',
				t: '\t',
				r: '\r',
				b: '\b',
				f: '\f',
				'"': '"',
				'\\': '\\',
				'/': '/',
			};
			out += escapes[ next ] ?? next;
			this.position += 2;
		}
		return out;
	}
}
