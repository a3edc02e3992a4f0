<?php
/**
 * The daily cleanup cron and the plugin's schedule, plus the settings (token write-only, constants win).
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Install\Installer;
use CoursesCopilot\Maintenance\DailyCleanup;
use CoursesCopilot\Proxy\ProxySettings;
use CoursesCopilot\Sessions\LessonDraftRepository;
use CoursesCopilot\Settings\ConnectionTest;
use CoursesCopilot\Settings\SettingsPage;
use CoursesCopilot\Settings\SettingsStore;
use CoursesCopilot\Tests\Support\TestCase;

final class MaintenanceTest extends TestCase {

	public function test_the_cron_removes_idle_sessions_with_their_drafts_and_orphan_drafts(): void {
		$drafts = new LessonDraftRepository();
		$old    = $this->make_session( 'admin', array( 'updated_at' => gmdate( 'Y-m-d H:i:s', time() - 31 * DAY_IN_SECONDS ) ) );
		$edge   = $this->make_session( 'editor', array( 'updated_at' => gmdate( 'Y-m-d H:i:s', time() - 29 * DAY_IN_SECONDS ) ) );
		$fresh  = $this->make_session( 'admin' );
		$drafts->upsert( $old, 's1', 's1l1', 'old draft' );
		$drafts->upsert( $fresh, 's1', 's1l1', 'fresh draft' );
		$drafts->upsert( 'gone-session', 's1', 's1l1', 'orphan' );
		$course = wp_insert_post( array( 'post_type' => 'mpcs-course', 'post_status' => 'draft', 'post_title' => 'Made from the old session' ) );

		$this->assertNotFalse( has_action( Installer::CLEANUP_HOOK, array( DailyCleanup::class, 'run' ) ) );
		[ , $logged ] = self::logged( static fn() => do_action( Installer::CLEANUP_HOOK ) );
		$this->assertStringContainsString( 'daily cleanup removed 1 session(s) idle for 30 days and 2 lesson draft(s)', $logged );

		$this->assertNull( self::session_row( $old ) );
		$this->assertNotNull( self::session_row( $edge ) );
		$this->assertNotNull( self::session_row( $fresh ) );
		$this->assertSame( array(), $drafts->for_session( $old ) );
		$this->assertSame( array(), $drafts->for_session( 'gone-session' ) );
		$this->assertSame( array( 's1l1' => 'fresh draft' ), $drafts->for_session( $fresh ) );
		$this->assertNotNull( get_post( $course ), 'courses are the user\'s content and stay' );
	}

	public function test_activation_schedules_and_deactivation_unschedules_the_cron(): void {
		Installer::activate();
		$this->assertNotFalse( wp_next_scheduled( Installer::CLEANUP_HOOK ) );
		Installer::deactivate();
		$this->assertFalse( wp_next_scheduled( Installer::CLEANUP_HOOK ) );
		Installer::activate();
	}

	public function test_a_missing_schedule_is_put_back_on_the_next_load(): void {
		wp_clear_scheduled_hook( Installer::CLEANUP_HOOK );
		$this->assertFalse( wp_next_scheduled( Installer::CLEANUP_HOOK ) );
		$this->assertNotFalse( has_action( 'init', array( Installer::class, 'ensure_cleanup_scheduled' ) ), 'checked on every load' );
		$this->assertTrue( Installer::ensure_cleanup_scheduled() );
		$next = wp_next_scheduled( Installer::CLEANUP_HOOK );
		$this->assertNotFalse( $next );
		$this->assertSame( 'daily', wp_get_schedule( Installer::CLEANUP_HOOK ) );
		$this->assertFalse( Installer::ensure_cleanup_scheduled(), 'scheduled once, not twice' );
		$this->assertSame( $next, wp_next_scheduled( Installer::CLEANUP_HOOK ) );
	}

	public function test_settings_keep_the_token_write_only(): void {
		$saved = SettingsStore::sanitize( array( 'proxy_url' => 'https://proxy.example.test/ ', 'proxy_token' => 'sekret-token', 'quotas' => array( 'author' => '25', 'nope' => '5', 'editor' => '-3' ) ) );
		$this->assertSame( array( 'proxy_url' => 'https://proxy.example.test', 'proxy_token' => 'sekret-token', 'quotas' => array( 'author' => 25, 'editor' => 0 ) ), $saved );
		update_option( ProxySettings::OPTION, $saved );
		$kept = SettingsStore::sanitize( array( 'proxy_url' => 'https://proxy.example.test', 'proxy_token' => '' ) );
		$this->assertSame( 'sekret-token', $kept['proxy_token'], 'an empty field keeps the saved token' );
		$this->assertSame( '', SettingsStore::sanitize( array( 'clear_token' => '1' ) )['proxy_token'] );
		$this->assertSame( '', SettingsStore::sanitize( array( 'proxy_url' => 'javascript:alert(1)' ) )['proxy_url'], 'a non-http URL is dropped' );

		$this->act_as( 'admin' );
		ob_start();
		SettingsPage::render();
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( 'Proxy URL', $html );
		$this->assertStringNotContainsString( 'sekret-token', $html, 'the token is never printed back' );
		$this->assertStringNotContainsString( MPCC_PROXY_TOKEN, $html );
		$this->assertStringContainsString( 'Set by MPCC_PROXY_URL in wp-config.php.', $html );
		// wp-config constants win over the option.
		$this->assertSame( MPCC_PROXY_URL, ProxySettings::url() );
		$this->assertSame( MPCC_PROXY_TOKEN, ProxySettings::token() );
	}

	public function test_connection_test_reports_provider_and_model_from_the_real_proxy(): void {
		$result = ConnectionTest::run();
		$this->assertTrue( $result['ok'], $result['message'] );
		$this->assertNotSame( '', $result['provider'] );
		$this->fake_proxy( static fn() => array( 401, array( 'error' => array( 'type' => 'auth', 'code' => 'invalid_token', 'message' => 'no' ) ) ) );
		$this->assertFalse( ConnectionTest::run()['ok'] );
	}
}
