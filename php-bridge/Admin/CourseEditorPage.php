<?php
/**
 * The course editor page, admin.php?page=mpcc-course-editor: under MemberPress Courses' menu when it
 * is active, else our own "Courses Copilot" menu. The React app mounts into the page's root element.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Admin;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Assets\ScriptLoader;
use CoursesCopilot\Courses\PostTypes;

final class CourseEditorPage {

	public const SLUG = 'mpcc-course-editor';

	private static string $hook_suffix = '';

	public static function register(): void {
		add_action( 'admin_menu', array( self::class, 'add_menu' ) );
		add_action( 'admin_enqueue_scripts', array( self::class, 'enqueue' ) );
	}

	public static function add_menu(): void {
		$title = __( 'Courses Copilot', 'courses-copilot' );
		if ( PostTypes::memberpress_courses_active() ) {
			$parent            = (string) apply_filters( 'mpcc_admin_parent_menu', 'edit.php?post_type=' . PostTypes::COURSE );
			self::$hook_suffix = (string) add_submenu_page( $parent, $title, __( 'Create with AI', 'courses-copilot' ), 'edit_posts', self::SLUG, array( self::class, 'render' ) );
			return;
		}
		self::$hook_suffix = (string) add_menu_page( $title, $title, 'edit_posts', self::SLUG, array( self::class, 'render' ), 'dashicons-lightbulb', 26 );
	}

	public static function enqueue( string $hook_suffix ): void {
		if ( '' === self::$hook_suffix || $hook_suffix !== self::$hook_suffix ) {
			return;
		}
		ScriptLoader::enqueue( 'course-editor', array( 'name' => 'page' ) );
	}

	public static function render(): void {
		if ( ! current_user_can( 'edit_posts' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to use Courses Copilot.', 'courses-copilot' ), 403 );
		}
		echo '<div class="wrap mpcc-wrap"><h1 class="screen-reader-text">' . esc_html__( 'Courses Copilot', 'courses-copilot' ) . '</h1>';
		echo '<div id="mpcc-course-editor-root" class="mpcc-app"><p class="mpcc-app__loading">' . esc_html__( 'Loading Courses Copilot…', 'courses-copilot' ) . '</p></div>';
		echo '<noscript><p>' . esc_html__( 'Courses Copilot needs JavaScript.', 'courses-copilot' ) . '</p></noscript></div>';
	}
}
