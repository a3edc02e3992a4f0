<?php
/**
 * Block editor bundles, each only where it is used: the assistant sidebar on courses and lessons,
 * the quiz modal on quizzes. (React checks the post type again before rendering.)
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Editor;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Assets\ScriptLoader;
use CoursesCopilot\Courses\PostTypes;

final class EditorAssets {

	public static function register(): void {
		add_action( 'enqueue_block_editor_assets', array( self::class, 'enqueue' ) );
	}

	public static function enqueue(): void {
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		if ( ! $screen || ! $screen->is_block_editor() || ! current_user_can( 'edit_posts' ) ) {
			return;
		}
		$post    = get_post();
		$surface = array( 'postId' => $post ? (int) $post->ID : 0, 'postType' => $screen->post_type );
		switch ( $screen->post_type ) {
			case PostTypes::COURSE:
				ScriptLoader::enqueue( 'assistant-sidebar', array( 'name' => 'sidebar' ) + $surface );
				// "Create a quiz for this course" lives in the quiz bundle.
				ScriptLoader::enqueue( 'quiz-modal', array( 'name' => 'sidebar' ) + $surface );
				break;
			case PostTypes::LESSON:
				ScriptLoader::enqueue( 'assistant-sidebar', array( 'name' => 'sidebar' ) + $surface );
				// "Create quiz" from this lesson lives in the quiz bundle.
				ScriptLoader::enqueue( 'quiz-modal', array( 'name' => 'sidebar' ) + $surface );
				break;
			case PostTypes::QUIZ:
				ScriptLoader::enqueue( 'quiz-modal', array( 'name' => 'quiz' ) + $surface );
				break;
		}
	}
}
