<?php
/**
 * Who may put a lesson or quiz in a section: `_mpcs_lesson_section_id` files a post under a course,
 * so it is the course's editors' call, not the post's. A section counts only when its course is one
 * the user can edit_post; anything else (another user's private course, a section that does not
 * exist) is refused, over REST with a 403 before the post is saved and on every other path by
 * refusing the meta write. Code that runs as no user (install, cron) is not a request to refuse.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Courses;

defined( 'ABSPATH' ) || exit;

final class SectionAccess {

	public static function register(): void {
		foreach ( array( PostTypes::LESSON, PostTypes::QUIZ ) as $post_type ) {
			add_filter( "rest_pre_insert_{$post_type}", array( self::class, 'check_rest_request' ), 10, 2 );
		}
		add_filter( 'add_post_metadata', array( self::class, 'check_meta_write' ), 10, 4 );
		add_filter( 'update_post_metadata', array( self::class, 'check_meta_write' ), 10, 4 );
	}

	/** The course a section belongs to, when the current user may edit it; 0 otherwise. */
	public static function editable_course( int $section_id ): int {
		$section = $section_id > 0 ? CourseOutline::section( $section_id ) : null;
		return null !== $section && current_user_can( 'edit_post', $section['course_id'] ) ? $section['course_id'] : 0;
	}

	/** True when the value may be stored by the current user: no section, or one of an editable course. */
	public static function may_file_under( mixed $section_id ): bool {
		if ( 0 === get_current_user_id() || '' === $section_id || null === $section_id || 0 === (int) $section_id ) {
			return true;
		}
		return is_numeric( $section_id ) && self::editable_course( (int) $section_id ) > 0;
	}

	/**
	 * rest_pre_insert_{post_type}: refuses the save before anything is written.
	 *
	 * @param \stdClass|\WP_Error $prepared the post about to be saved
	 */
	public static function check_rest_request( mixed $prepared, \WP_REST_Request $request ): mixed {
		$meta = $request->get_param( 'meta' );
		if ( is_wp_error( $prepared ) || ! is_array( $meta ) || ! array_key_exists( CourseOutline::SECTION_META, $meta ) ) {
			return $prepared;
		}
		if ( self::may_file_under( $meta[ CourseOutline::SECTION_META ] ) ) {
			return $prepared;
		}
		return new \WP_Error(
			'mpcc_forbidden_section',
			__( 'You can only place this in a section of a course you are allowed to edit.', 'courses-copilot' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * add_post_metadata / update_post_metadata: false refuses the write, null lets it through.
	 */
	public static function check_meta_write( mixed $check, int $post_id, string $meta_key, mixed $value ): mixed {
		if ( CourseOutline::SECTION_META !== $meta_key || null !== $check ) {
			return $check;
		}
		return self::may_file_under( is_scalar( $value ) ? $value : 'not a section id' ) ? $check : false;
	}
}
