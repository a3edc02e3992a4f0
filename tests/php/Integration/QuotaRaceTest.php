<?php
/**
 * The daily quota under parallel requests (issue 12, finding 4): eight quiz requests sent at once
 * over real HTTP to this site (php -S with eight workers, so they really run side by side) against
 * an author quota of 2. Exactly two are answered, six get mpcc_rate_limited, and the count stored is
 * 2: only granted requests count. Runs on SQLite and on MariaDB.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Assets\BrowserConfig;
use CoursesCopilot\Settings\Quota;
use CoursesCopilot\Tests\Support\LocalServer;
use CoursesCopilot\Tests\Support\TestCase;

final class QuotaRaceTest extends TestCase {

	private const PARALLEL = 8;
	private const QUOTA    = 2;

	public function test_eight_parallel_requests_against_a_quota_of_two_get_exactly_two_through(): void {
		$author = self::user_id( 'author' );
		update_option( 'mpcc_settings', array( 'quotas' => array( 'author' => self::QUOTA ) ) );
		Quota::reset( $author );
		$server = LocalServer::start( self::PARALLEL );
		try {
			$login    = LocalServer::login( 'author' );
			$content  = str_repeat( 'The aperture is the opening in the lens that lets light reach the sensor. A wide aperture blurs the background. ', 6 );
			$fields   = array( 'action' => 'mpcc_generate_quiz', 'nonce' => ( $login['nonce'] )( BrowserConfig::NONCE_QUIZ ), 'content' => $content, 'options' => '{"type":"multiple_choice","count":1,"difficulty":"easy"}' );
			$requests = array_fill( 0, self::PARALLEL, array( '/wp-admin/admin-ajax.php', $fields, $login['cookie'] ) );
			$statuses = array_column( $server->parallel( $requests ), 'status' );
		} finally {
			$server->stop();
		}
		sort( $statuses );
		$expected = array_merge( array_fill( 0, self::QUOTA, 200 ), array_fill( 0, self::PARALLEL - self::QUOTA, 429 ) );
		$this->assertSame( $expected, $statuses );
		wp_cache_flush();
		$this->assertSame( self::QUOTA, Quota::used_today( $author ), 'only the granted requests are counted' );
		Quota::reset( $author );
	}
}
