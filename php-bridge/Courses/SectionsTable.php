<?php
/**
 * MemberPress Courses' sections table, `{prefix}mpcs_sections`. We create it, with the same columns,
 * only on sites where MemberPress Courses is not active.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Courses;

defined( 'ABSPATH' ) || exit;

final class SectionsTable {

	public static function name(): string {
		global $wpdb;
		return $wpdb->prefix . 'mpcs_sections';
	}

	public static function exists(): bool {
		global $wpdb;
		$table = self::name();
		return $table === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) );
	}

	public static function schema( string $prefix, string $charset_collate ): string {
		return "CREATE TABLE {$prefix}mpcs_sections (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  title varchar(255) NOT NULL,
  description text NOT NULL,
  course_id bigint(20) unsigned NOT NULL,
  section_order int(11) NOT NULL DEFAULT 0,
  created_at datetime NOT NULL,
  uuid varchar(40) NOT NULL,
  PRIMARY KEY  (id),
  KEY course_id (course_id),
  KEY uuid (uuid)
) {$charset_collate};";
	}
}
