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

	/**
	 * A post type's name in the four forms its labels need, each translated whole.
	 *
	 * @return array{plural: string, singular: string, noun: string, nouns: string}
	 */
	private static function names( string $type ): array {
		return match ( $type ) {
			'course' => array(
				'plural'   => __( 'Courses', 'courses-copilot' ),
				'singular' => __( 'Course', 'courses-copilot' ),
				/* translators: a course, inside a sentence */
				'noun'     => __( 'course', 'courses-copilot' ),
				/* translators: courses, inside a sentence */
				'nouns'    => __( 'courses', 'courses-copilot' ),
			),
			'lesson' => array(
				'plural'   => __( 'Lessons', 'courses-copilot' ),
				'singular' => __( 'Lesson', 'courses-copilot' ),
				/* translators: a lesson, inside a sentence */
				'noun'     => __( 'lesson', 'courses-copilot' ),
				/* translators: lessons, inside a sentence */
				'nouns'    => __( 'lessons', 'courses-copilot' ),
			),
			default  => array(
				'plural'   => __( 'Quizzes', 'courses-copilot' ),
				'singular' => __( 'Quiz', 'courses-copilot' ),
				/* translators: a quiz, inside a sentence */
				'noun'     => __( 'quiz', 'courses-copilot' ),
				/* translators: quizzes, inside a sentence */
				'nouns'    => __( 'quizzes', 'courses-copilot' ),
			),
		};
	}

	/**
	 * The labels WordPress shows for a post type. Every one it would otherwise take from Posts is set
	 * (since WordPress 6.4 those name the noun: "Add New Post" on the Courses screen).
	 *
	 * @param array{plural: string, singular: string, noun: string, nouns: string} $names From names().
	 * @return array<string, string>
	 */
	public static function labels( array $names ): array {
		list( 'plural' => $plural, 'singular' => $singular, 'noun' => $noun, 'nouns' => $nouns ) = $names;
		return array(
			'name'                     => $plural,
			'singular_name'            => $singular,
			'menu_name'                => $plural,
			'name_admin_bar'           => $singular,
			/* translators: %s: post type name, e.g. Course */
			'add_new'                  => sprintf( __( 'Add New %s', 'courses-copilot' ), $singular ),
			/* translators: %s: post type name, e.g. Course */
			'add_new_item'             => sprintf( __( 'Add New %s', 'courses-copilot' ), $singular ),
			/* translators: %s: post type name, e.g. Course */
			'edit_item'                => sprintf( __( 'Edit %s', 'courses-copilot' ), $singular ),
			/* translators: %s: post type name, e.g. Course */
			'new_item'                 => sprintf( __( 'New %s', 'courses-copilot' ), $singular ),
			/* translators: %s: post type name, e.g. Course */
			'view_item'                => sprintf( __( 'View %s', 'courses-copilot' ), $singular ),
			/* translators: %s: post type name in the plural, e.g. Courses */
			'view_items'               => sprintf( __( 'View %s', 'courses-copilot' ), $plural ),
			/* translators: %s: post type name in the plural, e.g. Courses */
			'all_items'                => sprintf( __( 'All %s', 'courses-copilot' ), $plural ),
			/* translators: %s: post type name in the plural, e.g. Courses */
			'search_items'             => sprintf( __( 'Search %s', 'courses-copilot' ), $plural ),
			/* translators: %s: post type name in the plural, in a sentence, e.g. courses */
			'not_found'                => sprintf( __( 'No %s found.', 'courses-copilot' ), $nouns ),
			/* translators: %s: post type name in the plural, in a sentence, e.g. courses */
			'not_found_in_trash'       => sprintf( __( 'No %s found in Trash.', 'courses-copilot' ), $nouns ),
			/* translators: %s: post type name, e.g. Course */
			'archives'                 => sprintf( __( '%s Archives', 'courses-copilot' ), $singular ),
			/* translators: %s: post type name, e.g. Course */
			'attributes'               => sprintf( __( '%s Attributes', 'courses-copilot' ), $singular ),
			/* translators: %s: post type name in a sentence, e.g. course */
			'insert_into_item'         => sprintf( __( 'Insert into %s', 'courses-copilot' ), $noun ),
			/* translators: %s: post type name in a sentence, e.g. course */
			'uploaded_to_this_item'    => sprintf( __( 'Uploaded to this %s', 'courses-copilot' ), $noun ),
			/* translators: %s: post type name in the plural, in a sentence, e.g. courses */
			'filter_items_list'        => sprintf( __( 'Filter %s list', 'courses-copilot' ), $nouns ),
			/* translators: %s: post type name in the plural, e.g. Courses */
			'items_list_navigation'    => sprintf( __( '%s list navigation', 'courses-copilot' ), $plural ),
			/* translators: %s: post type name in the plural, e.g. Courses */
			'items_list'               => sprintf( __( '%s list', 'courses-copilot' ), $plural ),
			/* translators: %s: post type name, e.g. Course */
			'item_published'           => sprintf( __( '%s published.', 'courses-copilot' ), $singular ),
			/* translators: %s: post type name, e.g. Course */
			'item_published_privately' => sprintf( __( '%s published privately.', 'courses-copilot' ), $singular ),
			/* translators: %s: post type name, e.g. Course */
			'item_reverted_to_draft'   => sprintf( __( '%s reverted to draft.', 'courses-copilot' ), $singular ),
			/* translators: %s: post type name, e.g. Course */
			'item_trashed'             => sprintf( __( '%s trashed.', 'courses-copilot' ), $singular ),
			/* translators: %s: post type name, e.g. Course */
			'item_scheduled'           => sprintf( __( '%s scheduled.', 'courses-copilot' ), $singular ),
			/* translators: %s: post type name, e.g. Course */
			'item_updated'             => sprintf( __( '%s updated.', 'courses-copilot' ), $singular ),
			/* translators: %s: post type name, e.g. Course */
			'item_link'                => sprintf( __( '%s Link', 'courses-copilot' ), $singular ),
			/* translators: %s: post type name in a sentence, e.g. course */
			'item_link_description'    => sprintf( __( 'A link to a %s.', 'courses-copilot' ), $noun ),
		);
	}

	public static function register_missing(): void {
		if ( self::memberpress_courses_active() ) {
			return;
		}
		$types = array(
			self::COURSE => array( self::names( 'course' ), 'courses', true ),
			self::LESSON => array( self::names( 'lesson' ), 'lessons', false ),
			self::QUIZ   => array( self::names( 'quiz' ), 'quizzes', false ),
		);
		foreach ( $types as $post_type => list( $names, $slug, $top_level ) ) {
			if ( post_type_exists( $post_type ) ) {
				continue;
			}
			register_post_type(
				$post_type,
				array(
					'labels'       => self::labels( $names ),
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
