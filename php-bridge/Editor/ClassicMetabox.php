<?php
/**
 * The assistant where courses or lessons are edited in the Classic Editor (the block editor turned
 * off for them, e.g. by the Classic Editor plugin or `use_block_editor_for_post_type`): an
 * "AI Course Assistant" metabox (`mpcc-ai-assistant`, side, high) with the same conversation as the
 * block editor's sidebar; build/classic-assistant mounts into it and inserts suggestions as HTML.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Editor;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Assets\ScriptLoader;
use CoursesCopilot\Courses\PostTypes;

final class ClassicMetabox {

	public const ID     = 'mpcc-ai-assistant';
	public const BUNDLE = 'classic-assistant';

	public static function register(): void {
		add_action( 'add_meta_boxes', array( self::class, 'add' ), 10, 2 );
		add_action( 'admin_enqueue_scripts', array( self::class, 'enqueue' ) );
	}

	/** The post is a course or lesson the user may edit, shown in the Classic Editor. */
	public static function applies( mixed $post ): bool {
		return $post instanceof \WP_Post
			&& in_array( $post->post_type, array( PostTypes::COURSE, PostTypes::LESSON ), true )
			&& ! use_block_editor_for_post( $post )
			&& current_user_can( 'edit_post', $post->ID );
	}

	public static function add( string $post_type, mixed $post ): void {
		if ( ! self::applies( $post ) ) {
			return;
		}
		add_meta_box( self::ID, __( 'AI Course Assistant', 'courses-copilot' ), array( self::class, 'render' ), $post_type, 'side', 'high' );
	}

	public static function enqueue( string $hook_suffix ): void {
		if ( ! in_array( $hook_suffix, array( 'post.php', 'post-new.php' ), true ) ) {
			return;
		}
		$post = get_post();
		if ( ! self::applies( $post ) ) {
			return;
		}
		ScriptLoader::enqueue(
			self::BUNDLE,
			array(
				'name'     => 'metabox',
				'postId'   => (int) $post->ID,
				'postType' => $post->post_type,
			)
		);
	}

	public static function render( \WP_Post $post ): void {
		printf(
			'<div id="mpcc-classic-assistant-root" data-post-id="%1$d" data-post-type="%2$s"><p>%3$s</p></div>',
			(int) $post->ID,
			esc_attr( $post->post_type ),
			esc_html__( 'Loading the assistant…', 'courses-copilot' )
		);
		printf( '<noscript><p>%s</p></noscript>', esc_html__( 'The AI Course Assistant needs JavaScript.', 'courses-copilot' ) );
	}
}
