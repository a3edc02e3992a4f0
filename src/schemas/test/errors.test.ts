import { readFileSync } from 'fs';
import { join } from 'path';
import { ERROR_STATUS, isErrorCode } from '../errors';

/** `'mpcc_code' => 123,` rows of the PHP bridge's ErrorCodes::STATUS. */
function phpStatusTable(): Record< string, number > {
	const source = readFileSync(
		join( __dirname, '../../../php-bridge/Errors/ErrorCodes.php' ),
		'utf8'
	);
	const block = /const STATUS = array\(([\s\S]*?)\);/.exec( source )?.[ 1 ];
	const rows = [ ...( block ?? '' ).matchAll( /'(\w+)'\s*=>\s*(\d{3})/g ) ];
	return Object.fromEntries(
		rows.map( ( [ , code, status ] ) => [ code, Number( status ) ] )
	);
}

describe( 'error codes', () => {
	it( 'gives every code the status the PHP bridge answers with', () => {
		const php = phpStatusTable();
		expect( Object.keys( php ).length ).toBeGreaterThanOrEqual( 10 );
		expect( { ...ERROR_STATUS } ).toEqual( php );
	} );
	it( 'recognises only known codes', () => {
		expect( isErrorCode( 'mpcc_general' ) ).toBe( true );
		expect( isErrorCode( 'nope' ) ).toBe( false );
		expect( isErrorCode( 42 ) ).toBe( false );
	} );
} );
