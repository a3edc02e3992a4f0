<?php
/**
 * Reads a course's outline from the MemberPress Courses data model: sections are rows of
 * `{prefix}mpcs_sections` ordered by section_order; a lesson or quiz belongs where its meta
 * `_mpcs_lesson_section_id` / `_mpcs_lesson_lesson_order` put it.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Courses;

defined( 'ABSPATH' ) || exit;

final class CourseOutline {

	public const SECTION_META = '_mpcs_lesson_section_id';
	public const ORDER_META   = '_mpcs_lesson_lesson_order';

	/** @return array<int, array{id: int, title: string, description: string, section_order: int}> */
	public static function sections( int $course_id ): array {
		global $wpdb;
		$table = SectionsTable::name();
		$rows  = $wpdb->get_results(
			$wpdb->prepare( "SELECT id, title, description, section_order FROM {$table} WHERE course_id = %d ORDER BY section_order, id", $course_id ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			ARRAY_A
		);
		return array_map(
			static fn( array $row ): array => array(
				'id'            => (int) $row['id'],
				'title'         => (string) $row['title'],
				'description'   => (string) $row['description'],
				'section_order' => (int) $row['section_order'],
			),
			(array) $rows
		);
	}

	/** @return array{id: int, title: string, course_id: int}|null */
	public static function section( int $section_id ): ?array {
		global $wpdb;
		$table = SectionsTable::name();
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT id, title, course_id FROM {$table} WHERE id = %d", $section_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return is_array( $row ) ? array( 'id' => (int) $row['id'], 'title' => (string) $row['title'], 'course_id' => (int) $row['course_id'] ) : null;
	}

	/**
	 * A section's items (lessons, and quizzes when asked) in their order; ties broken by id.
	 *
	 * @param array<int, string> $post_types
	 * @return array<int, \WP_Post>
	 */
	public static function items( int $section_id, array $post_types = array( PostTypes::LESSON ) ): array {
		$posts = get_posts(
			array(
				'post_type'        => $post_types,
				'post_status'      => array( 'publish', 'draft', 'pending', 'private', 'future' ),
				'numberposts'      => -1,
				'meta_key'         => self::SECTION_META, // phpcs:ignore WordPress.DB.SlowDBQuery
				'meta_value'       => (string) $section_id, // phpcs:ignore WordPress.DB.SlowDBQuery
				'orderby'          => 'ID',
				'order'            => 'ASC',
				'suppress_filters' => true,
				'no_found_rows'    => true,
			)
		);
		usort( $posts, static fn( \WP_Post $a, \WP_Post $b ): int => array( self::order( $a->ID ), $a->ID ) <=> array( self::order( $b->ID ), $b->ID ) );
		return $posts;
	}

	/** A course's lessons, section by section, each in its order. @return array<int, \WP_Post> */
	public static function lessons( int $course_id ): array {
		$lessons = array();
		foreach ( self::sections( $course_id ) as $section ) {
			array_push( $lessons, ...self::items( $section['id'] ) );
		}
		return $lessons;
	}

	public static function order( int $post_id ): int {
		return (int) get_post_meta( $post_id, self::ORDER_META, true );
	}

	public static function section_id( int $post_id ): int {
		return (int) get_post_meta( $post_id, self::SECTION_META, true );
	}
}
