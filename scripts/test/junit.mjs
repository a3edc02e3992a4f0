/**
 * Counts passed/failed/skipped from a JUnit XML report (PHPUnit's or Playwright's).
 * @param xml
 */
export function parseJUnit( xml ) {
	const suites = [ ...xml.matchAll( /<testsuite\b[^>]*>/g ) ].map(
		( m ) => m[ 0 ]
	);
	// The outermost testsuite (or testsuites) element carries the totals.
	const head = xml.match( /<testsuites\b[^>]*>/ )?.[ 0 ] ?? suites[ 0 ] ?? '';
	const attr = ( name ) =>
		Number(
			head.match( new RegExp( `\\b${ name }="(\\d+)"` ) )?.[ 1 ] ?? 0
		);
	const tests = attr( 'tests' );
	const failed = attr( 'failures' ) + attr( 'errors' );
	const skipped = attr( 'skipped' ) + attr( 'skip' );
	return { passed: Math.max( 0, tests - failed - skipped ), failed, skipped };
}
