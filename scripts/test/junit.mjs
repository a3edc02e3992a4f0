/**
 * Counts passed/failed/skipped from a JUnit XML report. Playwright puts the totals on <testsuites>;
 * PHPUnit 9 writes a bare <testsuites> and the totals on its first (outermost) <testsuite>.
 */
export function parseJUnit( xml ) {
	const candidates = [
		xml.match( /<testsuites\b[^>]*>/ )?.[ 0 ],
		xml.match( /<testsuite\b[^>]*>/ )?.[ 0 ],
	];
	const head =
		candidates.find( ( tag ) => tag && /\btests="\d+"/.test( tag ) ) ?? '';
	const attr = ( name ) =>
		Number(
			head.match( new RegExp( `\\b${ name }="(\\d+)"` ) )?.[ 1 ] ?? 0
		);
	const tests = attr( 'tests' );
	const failed = attr( 'failures' ) + attr( 'errors' );
	const skipped = attr( 'skipped' ) + attr( 'skip' );
	return { passed: Math.max( 0, tests - failed - skipped ), failed, skipped };
}
