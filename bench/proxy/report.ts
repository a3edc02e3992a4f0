/** Markdown tables of the proxy benchmark: the gateways side by side, then issue 16's targets. */
import type { UnitLaunch } from './gateways';

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

interface LoadedSideBySide {
	idle: Record< string, { rss: number } >;
	afterLoad: Record< string, { rss: number; rssBeforeGc: number } >;
	misses: Record< string, { perCpuSecond: number } >;
	hits: Record< string, { perCpuSecond: number } >;
	tasks: Record< string, { perCpuSecond: number } >;
}

/**
 * One plain row: the same proxy as the systemd unit starts it (`variant`) beside node's defaults
 * (`base`), from readings of one run: memory idle and after the load, the floor's started the same
 * way (`floorVariant`), and what the unit's settings cost per CPU-second.
 */
export function deployedRow(
	unit: UnitLaunch,
	r: LoadedSideBySide,
	base: string,
	variant: string,
	floorVariant: string
): [ string, string, string ] {
	const mb = ( v: number | undefined ) => `${ fmt( v ?? NaN, 1 ) } MB`;
	const perCpu = ( by: Record< string, { perCpuSecond: number } > ) => {
		const b = by[ base ]?.perCpuSecond ?? NaN;
		const v = by[ variant ]?.perCpuSecond ?? NaN;
		return `${ count( v ) } (${ fmt( v / b, 2 ) }×)`;
	};
	return [
		`As the systemd unit runs it (\`${ [
			...Object.entries( unit.env ).map(
				( [ k, v ] ) => `${ k }=${ v }`
			),
			...unit.nodeFlags,
		].join( ' ' ) }\`), same load, same run`,
		`RSS idle ${ mb( r.idle[ variant ]?.rss ) } (defaults ${ mb( r.idle[ base ]?.rss ) }); ` +
			`after the load ${ mb( r.afterLoad[ variant ]?.rssBeforeGc ) } (defaults ${ mb( r.afterLoad[ base ]?.rssBeforeGc ) }), ` +
			`${ mb( r.afterLoad[ variant ]?.rss ) } after GC; the floor with the same flags: idle ` +
			`${ mb( r.idle[ floorVariant ]?.rss ) }, after its load ${ mb( r.afterLoad[ floorVariant ]?.rssBeforeGc ) }; ` +
			`per CPU-second against node's defaults: ` +
			`misses ${ perCpu( r.misses ) }, hits ${ perCpu( r.hits ) }, task route ${ perCpu( r.tasks ) }`,
		'RSS ≤ 80 MB',
	];
}
