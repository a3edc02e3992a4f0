/** Markdown tables of the proxy benchmark: the gateways side by side, then issue 16's targets. */
export const fmt = ( value: number, digits = 2 ) =>
	Number.isFinite( value ) ? value.toFixed( digits ) : 'n/a';

export const count = ( value: number ) =>
	Number.isFinite( value )
		? Math.round( value ).toLocaleString( 'en-US' )
		: 'n/a';

export interface Row {
	name: string;
	/** Value per gateway name. */
	values: Record< string, number >;
	format: ( value: number ) => string;
	/** Extra words per gateway (e.g. the absolute figure). */
	notes?: Record< string, string >;
}

const ratio = ( a: number | undefined, b: number | undefined ) =>
	a !== undefined &&
	b !== undefined &&
	Number.isFinite( a ) &&
	Number.isFinite( b ) &&
	b !== 0
		? `${ ( a / b ).toFixed( 2 ) }×`
		: 'n/a';

export function printComparison( rows: Row[], names: string[] ): void {
	console.log(
		`| measurement | ${ names.join( ' | ' ) } | ours ÷ floor | ours ÷ peer |`
	);
	console.log( `|---|${ names.map( () => '---:|' ).join( '' ) }---:|---:|` );
	for ( const row of rows ) {
		const cells = names.map( ( n ) => {
			const value = row.values[ n ];
			const note = row.notes?.[ n ];
			return `${ value === undefined ? 'n/a' : row.format( value ) }${ note ? ` (${ note })` : '' }`;
		} );
		console.log(
			`| ${ row.name } | ${ cells.join( ' | ' ) } | ${ ratio( row.values.ours, row.values.floor ) } | ${ ratio( row.values.ours, row.values.peer ) } |`
		);
	}
}

export interface Target {
	name: string;
	result: string;
	target: string;
	met: boolean;
}

export function printTargets( targets: Target[] ): void {
	console.log( '| target (issue 16 "Done when") | result | bar | met |' );
	console.log( '|---|---|---|---|' );
	for ( const t of targets ) {
		console.log(
			`| ${ t.name } | ${ t.result } | ${ t.target } | ${ t.met ? 'yes' : 'no' } |`
		);
	}
}

export function printPlain( rows: Array< [ string, string, string ] > ): void {
	console.log( '| measurement (ours only) | result | target |' );
	console.log( '|---|---|---|' );
	for ( const [ name, result, target ] of rows ) {
		console.log( `| ${ name } | ${ result } | ${ target } |` );
	}
}
