<?php
/**
 * "Create with AI" on the courses list (edit.php?post_type=mpcs-course): loads the course editor
 * app in modal mode; the app adds the button beside "Add New" and opens itself in a Modal.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Admin;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Assets\ScriptLoader;
use CoursesCopilot\Courses\PostTypes;

final class CoursesListButton {

	public static function register(): void {
		add_action( 'admin_enqueue_scripts', array( self::class, 'enqueue' ) );
	}

	public static function enqueue( string $hook_suffix ): void {
		if ( 'edit.php' !== $hook_suffix || ! current_user_can( 'edit_posts' ) ) {
			return;
		}
		$screen = get_current_screen();
		if ( ! $screen || PostTypes::COURSE !== $screen->post_type ) {
			return;
		}
		ScriptLoader::enqueue( 'course-editor', array( 'name' => 'modal' ) );
	}
}
