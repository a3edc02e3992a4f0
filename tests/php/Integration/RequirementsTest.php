<?php
/**
 * Below its minimum PHP or WordPress version (plugin.php's header) the plugin refuses with words a site
 * owner can act on, instead of a fatal error; at or above them it has nothing to say.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Requirements;
use CoursesCopilot\Tests\Support\TestCase;

final class RequirementsTest extends TestCase {

	public function test_this_site_meets_the_minimums(): void {
		$this->assertSame( array(), Requirements::unmet( MPCC_PLUGIN_FILE ) );
	}

	public function test_an_old_php_is_named_with_both_versions(): void {
		$problems = Requirements::unmet( MPCC_PLUGIN_FILE, '8.0.30', '6.6' );
		$this->assertCount( 1, $problems );
		$this->assertStringContainsString( 'needs PHP 8.1 or later; this site runs PHP 8.0.30', $problems[0] );
	}

	public function test_an_old_wordpress_is_named_with_both_versions(): void {
		$problems = Requirements::unmet( MPCC_PLUGIN_FILE, '8.2.0', '6.4.3' );
		$this->assertCount( 1, $problems );
		$this->assertStringContainsString( 'needs WordPress 6.5 or later; this site runs WordPress 6.4.3', $problems[0] );
	}

	public function test_refusing_shows_an_admin_notice_and_stops_activation(): void {
		$file = MPCC_PLUGIN_FILE;
		// Only our notice is under test: core's own (e.g. the privacy-policy one, which needs a screen) are set aside.
		remove_all_actions( 'admin_notices' );
		Requirements::refuse( $file, array( 'Courses Copilot needs PHP 8.1 or later.' ) );
		$hook = 'activate_' . plugin_basename( $file );
		$this->assertNotFalse( has_action( $hook ), 'activation is intercepted' );
		// Activating stops with the reason (wp_die), before any of the plugin's own activation runs.
		$died    = null;
		$handler = static function ( $message ) use ( &$died ): void {
			$died = (string) $message;
			throw new \RuntimeException( 'died' );
		};
		$this->hook( 'wp_die_handler', static fn() => $handler );
		try {
			do_action( $hook );
		} catch ( \RuntimeException ) {
			// Expected: wp_die.
		}
		$this->assertSame( 'Courses Copilot needs PHP 8.1 or later.', $died );
		wp_set_current_user( self::user_id( 'admin' ) );
		ob_start();
		do_action( 'admin_notices' );
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( 'Courses Copilot is inactive.', $html );
		$this->assertStringContainsString( 'needs PHP 8.1 or later', $html );
		remove_all_actions( $hook );
		remove_all_actions( 'admin_notices' );
	}
}
