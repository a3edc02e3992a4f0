<?php
/**
 * Courses, lessons and quizzes as MemberPress Courses names them. When MemberPress Courses is active
 * it has registered them already (at init, priority 10) and we add nothing; on a bare WordPress we
 * register the same post types (REST and block editor on) so the plugin works on its own.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Courses;

defined( 'ABSPATH' ) || exit;

final class PostTypes {

	public const COURSE = 'mpcs-course';
	public const LESSON = 'mpcs-lesson';
	public const QUIZ   = 'mpcs-quiz';

	public static function register(): void {
		add_action( 'init', array( self::class, 'register_missing' ), 20 );
	}

	/** True when another plugin (MemberPress Courses) owns the course post types. */
	public static function memberpress_courses_active(): bool {
		return (bool) apply_filters( 'mpcc_memberpress_courses_active', class_exists( 'memberpress\\courses\\models\\Course' ) );
	}

	public static function register_missing(): void {
		if ( self::memberpress_courses_active() ) {
			return;
		}
		$types = array(
			self::COURSE => array( __( 'Courses', 'courses-copilot' ), __( 'Course', 'courses-copilot' ), 'courses', true ),
			self::LESSON => array( __( 'Lessons', 'courses-copilot' ), __( 'Lesson', 'courses-copilot' ), 'lessons', false ),
			self::QUIZ   => array( __( 'Quizzes', 'courses-copilot' ), __( 'Quiz', 'courses-copilot' ), 'quizzes', false ),
		);
		foreach ( $types as $post_type => list( $plural, $singular, $slug, $top_level ) ) {
			if ( post_type_exists( $post_type ) ) {
				continue;
			}
			register_post_type(
				$post_type,
				array(
					'labels'       => array(
						'name'          => $plural,
						'singular_name' => $singular,
						/* translators: %s: post type name, e.g. Course */
						'add_new_item'  => sprintf( __( 'Add New %s', 'courses-copilot' ), $singular ),
						/* translators: %s: post type name, e.g. Course */
						'edit_item'     => sprintf( __( 'Edit %s', 'courses-copilot' ), $singular ),
					),
					'public'       => true,
					'show_ui'      => true,
					'show_in_menu' => $top_level ? true : 'edit.php?post_type=' . self::COURSE,
					'menu_icon'    => 'dashicons-welcome-learn-more',
					'show_in_rest' => true,
					'has_archive'  => $top_level,
					'rewrite'      => array( 'slug' => $slug ),
					'supports'     => array( 'title', 'editor', 'excerpt', 'author', 'thumbnail', 'revisions', 'custom-fields' ),
				)
			);
		}
		foreach ( array( '_mpcs_lesson_section_id', '_mpcs_lesson_lesson_order' ) as $meta_key ) {
			foreach ( array( self::LESSON, self::QUIZ ) as $post_type ) {
				register_post_meta(
					$post_type,
					$meta_key,
					array(
						'type'          => 'integer',
						'single'        => true,
						'show_in_rest'  => true,
						'auth_callback' => static fn( $allowed, $key, $post_id ): bool => current_user_can( 'edit_post', (int) $post_id ),
					)
				);
			}
		}
	}
}
