<?php
/**
 * The plugin's own tables (docs/contracts.md "Tables"): conversations and lesson drafts.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Sessions;

defined( 'ABSPATH' ) || exit;

final class SessionTables {

	public static function conversations(): string {
		global $wpdb;
		return $wpdb->prefix . 'mpcc_conversations';
	}

	public static function lesson_drafts(): string {
		global $wpdb;
		return $wpdb->prefix . 'mpcc_lesson_drafts';
	}

	/** @return string[] */
	public static function names( string $prefix ): array {
		return array( $prefix . 'mpcc_conversations', $prefix . 'mpcc_lesson_drafts' );
	}

	/** dbDelta-formatted SQL (two spaces after PRIMARY KEY, one field per line). */
	public static function schema( string $prefix, string $charset_collate ): string {
		return "CREATE TABLE {$prefix}mpcc_conversations (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  session_id varchar(64) NOT NULL,
  user_id bigint(20) unsigned NOT NULL,
  title varchar(255) NOT NULL DEFAULT '',
  messages longtext NOT NULL,
  context longtext NOT NULL,
  current_state varchar(32) NOT NULL DEFAULT 'initial',
  metadata longtext NOT NULL,
  revision bigint(20) unsigned NOT NULL DEFAULT 0,
  created_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY session_id (session_id),
  KEY user_updated (user_id,updated_at)
) {$charset_collate};
CREATE TABLE {$prefix}mpcc_lesson_drafts (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  session_id varchar(64) NOT NULL,
  section_id varchar(64) NOT NULL,
  lesson_id varchar(64) NOT NULL,
  content longtext NOT NULL,
  order_index int(11) NOT NULL DEFAULT 0,
  created_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY session_lesson (session_id,section_id,lesson_id),
  KEY session_id (session_id)
) {$charset_collate};";
	}
}
