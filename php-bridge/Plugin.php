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
		Blocks\QuestionBlocks::register();
		Ajax\ActionRegistry::register();
		Settings\SettingsPage::register();
		Maintenance\DailyCleanup::register();
		add_action( 'init', array( self::class, 'load_textdomain' ) );
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
