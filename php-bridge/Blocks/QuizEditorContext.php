<?php
/**
 * The quiz editor's course context for the Quiz AI modal's source picker, added to
 * `mpccConfig.surface.quiz`: the course this quiz belongs to (its section's course in
 * `{prefix}mpcs_sections`) and that course's lessons in curriculum order. A quiz not yet placed in a
 * course gets the user's most recent lessons instead, each with its course's title, so a lesson can
 * still be the source. Only what the user may edit is listed: a course they can edit, lessons they
 * can edit.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Blocks;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Assets\ScriptLoader;
use CoursesCopilot\Courses\CourseOutline;
use CoursesCopilot\Courses\PostTypes;
use CoursesCopilot\Courses\SectionsTable;

final class QuizEditorContext {

	private const MAX_LESSONS = 200;

	public static function register(): void {
		// After EditorAssets (priority 10) has enqueued the quiz bundle and printed mpccConfig.
		add_action( 'enqueue_block_editor_assets', array( self::class, 'attach' ), 20 );
	}

	public static function attach(): void {
		$handle = ScriptLoader::handle( 'quiz-modal' );
		$post   = get_post();
		if ( ! $post || PostTypes::QUIZ !== $post->post_type || ! wp_script_is( $handle, 'enqueued' ) ) {
			return;
		}
		wp_add_inline_script(
			$handle,
			'if(window.mpccConfig){Object.assign(window.mpccConfig.surface||(window.mpccConfig.surface={}),{quiz:' . wp_json_encode( self::for_quiz( (int) $post->ID ) ) . '});}',
			'before'
		);
	}

	/**
	 * @return array{courseId: int, courseTitle: string, lessons: list<array{id: int, title: string, section: string, course?: string}>}
	 */
	public static function for_quiz( int $quiz_id ): array {
		global $wpdb;
		$section_id = (int) get_post_meta( $quiz_id, '_mpcs_lesson_section_id', true );
		$course_id  = 0;
		if ( $section_id > 0 && SectionsTable::exists() ) {
			$table     = SectionsTable::name();
			$course_id = (int) $wpdb->get_var( $wpdb->prepare( "SELECT course_id FROM {$table} WHERE id = %d", $section_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery
		}
		if ( $course_id > 0 && ! current_user_can( 'edit_post', $course_id ) ) {
			$course_id = 0; // Placed (by whoever) in a course this user may not edit: not theirs to quiz from.
		}
		return array(
			'courseId'    => $course_id,
			'courseTitle' => $course_id ? html_entity_decode( get_the_title( $course_id ), ENT_QUOTES ) : '',
			'lessons'     => $course_id ? self::course_lessons( $course_id ) : self::recent_lessons(),
		);
	}

	/** @return list<array{id: int, title: string, section: string}> */
	private static function course_lessons( int $course_id ): array {
		global $wpdb;
		$table    = SectionsTable::name();
		$sections = $wpdb->get_results( $wpdb->prepare( "SELECT id, title FROM {$table} WHERE course_id = %d ORDER BY section_order, id", $course_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery
		if ( ! $sections ) {
			return array();
		}
		$rank   = array();
		$titles = array();
		foreach ( $sections as $i => $section ) {
			$rank[ (int) $section->id ]   = $i;
			$titles[ (int) $section->id ] = (string) $section->title;
		}
		$posts = get_posts(
			array(
				'post_type'      => PostTypes::LESSON,
				'post_status'    => array( 'publish', 'draft', 'pending', 'private', 'future' ),
				'posts_per_page' => self::MAX_LESSONS,
				'meta_query'     => array( // phpcs:ignore WordPress.DB.SlowDBQuery
					array(
						'key'     => '_mpcs_lesson_section_id',
						'value'   => array_keys( $rank ),
						'compare' => 'IN',
					),
				),
			)
		);
		$lessons = array();
		foreach ( self::editable( $posts ) as $lesson ) {
			$section   = (int) get_post_meta( $lesson->ID, '_mpcs_lesson_section_id', true );
			$lessons[] = array(
				'id'      => (int) $lesson->ID,
				'title'   => self::title( $lesson ),
				'section' => $titles[ $section ] ?? '',
				'_rank'   => array( $rank[ $section ] ?? PHP_INT_MAX, (int) get_post_meta( $lesson->ID, '_mpcs_lesson_lesson_order', true ), (int) $lesson->ID ),
			);
		}
		usort( $lessons, static fn( array $a, array $b ): int => $a['_rank'] <=> $b['_rank'] );
		return array_map(
			static fn( array $l ): array => array(
				'id'      => $l['id'],
				'title'   => $l['title'],
				'section' => $l['section'],
			),
			$lessons
		);
	}

	/**
	 * The user's most recently changed lessons: their own, or everyone's for a user who may edit
	 * others' (a lesson is a quiz source only for someone who may edit it, as mpcc_generate_quiz checks).
	 *
	 * @return list<array{id: int, title: string, section: string, course: string}>
	 */
	private static function recent_lessons(): array {
		$type  = get_post_type_object( PostTypes::LESSON );
		$query = array(
			'post_type'      => PostTypes::LESSON,
			'post_status'    => array( 'publish', 'draft', 'pending', 'private', 'future' ),
			'posts_per_page' => 100,
			'orderby'        => 'modified',
		);
		if ( ! $type || ! current_user_can( $type->cap->edit_others_posts ) ) {
			$query['author'] = get_current_user_id();
		}
		$course_of = self::course_titles();
		return array_map(
			static fn( \WP_Post $lesson ): array => array(
				'id'      => (int) $lesson->ID,
				'title'   => self::title( $lesson ),
				'section' => '',
				'course'  => $course_of( $lesson->ID ),
			),
			self::editable( get_posts( $query ) )
		);
	}

	/**
	 * The title of the course a lesson sits in ('' when none, or one the user may not read), so the
	 * picker can tell lessons of different courses apart. Each section is looked up once.
	 *
	 * @return \Closure(int): string
	 */
	private static function course_titles(): \Closure {
		$by_section = array();
		$tables     = SectionsTable::exists();
		return static function ( int $lesson_id ) use ( &$by_section, $tables ): string {
			$section_id = $tables ? CourseOutline::section_id( $lesson_id ) : 0;
			if ( $section_id <= 0 ) {
				return '';
			}
			if ( ! isset( $by_section[ $section_id ] ) ) {
				$course_id                 = (int) ( CourseOutline::section( $section_id )['course_id'] ?? 0 );
				$by_section[ $section_id ] = $course_id > 0 && current_user_can( 'read_post', $course_id )
					? html_entity_decode( get_the_title( $course_id ), ENT_QUOTES )
					: '';
			}
			return $by_section[ $section_id ];
		};
	}

	/**
	 * @param array<int, \WP_Post> $posts
	 * @return list<\WP_Post> those the current user may edit
	 */
	private static function editable( array $posts ): array {
		return array_values( array_filter( $posts, static fn( \WP_Post $post ): bool => current_user_can( 'edit_post', $post->ID ) ) );
	}

	private static function title( \WP_Post $post ): string {
		$title = html_entity_decode( get_the_title( $post ), ENT_QUOTES );
		/* translators: %d: lesson id */
		return '' !== $title ? $title : sprintf( __( 'Untitled lesson #%d', 'courses-copilot' ), $post->ID );
	}
}
