import { ERROR_STATUS, isErrorCode } from '../errors';

describe( 'error codes', () => {
	it( 'maps every code to the status DESIGN.md gives it', () => {
		expect( ERROR_STATUS.mpcc_conflict ).toBe( 409 );
		expect( ERROR_STATUS.mpcc_not_found ).toBe( 404 );
		expect( ERROR_STATUS.mpcc_rate_limited ).toBe( 429 );
		expect( ERROR_STATUS.mpcc_content_too_short ).toBe( 422 );
		expect( ERROR_STATUS.mpcc_ai_refused ).toBe( 422 );
		expect( ERROR_STATUS.mpcc_ai_output_truncated ).toBe( 502 );
	} );
	it( 'recognises only known codes', () => {
		expect( isErrorCode( 'mpcc_general' ) ).toBe( true );
		expect( isErrorCode( 'nope' ) ).toBe( false );
		expect( isErrorCode( 42 ) ).toBe( false );
	} );
} );
