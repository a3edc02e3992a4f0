<?php
/**
 * A course or lesson never saved (`auto-draft`) opened by its address (`post.php?post=<id>`), as the
 * assistant makes it once the post has a conversation: WordPress fills the title field with the
 * stored placeholder, "Auto Draft", which `post-new.php` leaves out. The field is left empty
 * instead, as on a new post.
 *
 * Two hooks, one per editor, because post.php hands them the post differently:
 * - the Classic Editor reads it through `get_post( …, 'edit' )`, whose `edit_post_title` filter applies;
 * - the block editor takes its title edit from the `$post` that `replace_editor` is given just before
 *   (the same object), and that filter is the only hook between the two.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Editor;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Courses\PostTypes;

final class NewPostTitle {

	public static function register(): void {
		add_filter( 'edit_post_title', array( self::class, 'without_placeholder' ), 10, 2 );
		add_filter( 'replace_editor', array( self::class, 'empty_block_editor_title' ), 10, 2 );
	}

	public static function without_placeholder( mixed $title, mixed $post_id ): mixed {
		$post = is_numeric( $post_id ) ? get_post( (int) $post_id ) : null;
		return $post instanceof \WP_Post && self::is_placeholder( $post, $title ) ? '' : $title;
	}

	/** Leaves the editor choice alone (returns what it was given); empties the title it will read. */
	public static function empty_block_editor_title( mixed $replace, mixed $post ): mixed {
		if ( $post instanceof \WP_Post && self::is_placeholder( $post, $post->post_title ) ) {
			$post->post_title = '';
		}
		return $replace;
	}

	private static function is_placeholder( \WP_Post $post, mixed $title ): bool {
		return 'auto-draft' === $post->post_status
			&& in_array( $post->post_type, array( PostTypes::COURSE, PostTypes::LESSON ), true )
			// WordPress' own string: the placeholder get_default_post_to_edit() stores.
			&& __( 'Auto Draft' ) === $title; // phpcs:ignore WordPress.WP.I18n.MissingArgDomain
	}
}
