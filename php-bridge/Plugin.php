<?php
/**
 * Wires the plugin's parts to WordPress. Each part registers its own hooks; this class only lists them.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot;

defined( 'ABSPATH' ) || exit;

final class Plugin {

	public static function boot(): void {
		Install\Installer::register();
		Courses\PostTypes::register();
		Courses\SectionAccess::register();
		Quiz\AnswerKeys::register();
		Validation\BlockComments::register();
		Admin\CourseEditorPage::register();
		Admin\CoursesListButton::register();
		Editor\EditorAssets::register();
		Editor\ClassicMetabox::register();
		Editor\NewPostTitle::register();
		Ajax\ActionRegistry::register();
		Settings\SettingsPage::register();
		Maintenance\DailyCleanup::register();
		if ( self::serving_own_ajax() ) {
			// Our ajax calls need neither the question blocks nor the cleanup-schedule check (a cron option
			// read): skipping them takes ~2.5 ms off every call's time to first token (bench/php-first-token).
			remove_action( 'init', array( Install\Installer::class, 'ensure_cleanup_scheduled' ) );
		} else {
			Blocks\QuestionBlocks::register();
		}
		add_action( 'init', array( self::class, 'load_textdomain' ) );
	}

	/** True on an admin-ajax.php request for one of our mpcc_* actions. */
	public static function serving_own_ajax(): bool {
		// phpcs:ignore WordPress.Security.NonceVerification -- only routes; each handler checks its nonce.
		$action = $_REQUEST['action'] ?? null;
		return wp_doing_ajax() && is_string( $action ) && str_starts_with( $action, 'mpcc_' );
	}

	public static function load_textdomain(): void {
		load_plugin_textdomain( 'courses-copilot', false, dirname( plugin_basename( MPCC_PLUGIN_FILE ) ) . '/languages' );
	}

	public static function dir(): string {
		return plugin_dir_path( MPCC_PLUGIN_FILE );
	}

	public static function url(): string {
		return plugin_dir_url( MPCC_PLUGIN_FILE );
	}
}
