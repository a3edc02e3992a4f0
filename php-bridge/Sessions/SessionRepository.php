<?php
/**
 * Sessions in `{prefix}mpcc_conversations`, always for one user: every query carries `user_id`, so
 * another user's session is simply not there. `revision` gives optimistic concurrency: a save only
 * lands when the row still has the revision the saver read.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Sessions;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

final class SessionRepository {

	private const COLUMNS = 'session_id, user_id, title, messages, context, current_state, metadata, revision, created_at, updated_at';

	public function __construct( private readonly int $user_id ) {}

	public function find( string $session_id ): ?Session {
		global $wpdb;
		if ( '' === $session_id || $this->user_id <= 0 ) {
			return null;
		}
		$table = SessionTables::conversations();
		$row   = $wpdb->get_row(
			$wpdb->prepare( "SELECT " . self::COLUMNS . " FROM {$table} WHERE session_id = %s AND user_id = %d", $session_id, $this->user_id ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			ARRAY_A
		);
		return is_array( $row ) ? self::hydrate( $row ) : null;
	}

	/** A new session for this user, not stored yet (create() stores it). */
	public function make( string $title, array $metadata = array() ): Session {
		return new Session( wp_generate_uuid4(), $this->user_id, self::clip_title( $title ), metadata: $metadata );
	}

	/** Stores a new session at revision 1. */
	public function create( Session $session ): Session {
		global $wpdb;
		$now                 = gmdate( 'Y-m-d H:i:s' );
		$session->user_id    = $this->user_id;
		$session->revision   = 1;
		$session->created_at = $now;
		$session->updated_at = $now;
		$ok                  = $wpdb->insert(
			SessionTables::conversations(),
			array_merge( self::columns( $session ), array( 'session_id' => $session->session_id, 'user_id' => $this->user_id, 'revision' => 1, 'created_at' => $now, 'updated_at' => $now ) ),
			array( '%s', '%s', '%s', '%s', '%s', '%s', '%s', '%d', '%d', '%s' )
		);
		if ( ! $ok ) {
			throw DomainError::database_error();
		}
		return $session;
	}

	/**
	 * Stores the session if its revision is still the stored one, and moves it to the next revision.
	 *
	 * @throws StaleRevision when another save came first (carrying the server's copy).
	 */
	public function save( Session $session ): Session {
		global $wpdb;
		$table   = SessionTables::conversations();
		$now     = gmdate( 'Y-m-d H:i:s' );
		$columns = self::columns( $session );
		$updated = $wpdb->query(
			$wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name is ours.
				"UPDATE {$table} SET title = %s, messages = %s, context = %s, current_state = %s, metadata = %s, updated_at = %s, revision = revision + 1 WHERE session_id = %s AND user_id = %d AND revision = %d",
				$columns['title'],
				$columns['messages'],
				$columns['context'],
				$columns['current_state'],
				$columns['metadata'],
				$now,
				$session->session_id,
				$this->user_id,
				$session->revision
			)
		);
		if ( false === $updated ) {
			throw DomainError::database_error();
		}
		// Zero rows: the revision moved on (or the session is gone, or is not this user's).
		if ( (int) $updated < 1 ) {
			throw new StaleRevision( $this->find( $session->session_id ) );
		}
		$stored = $this->find( $session->session_id );
		if ( null === $stored ) {
			throw DomainError::database_error();
		}
		return $stored;
	}

	/**
	 * Stores the session's outline (lesson drafts live in it) if the row is still at the revision the
	 * caller read, without moving the revision: the browser keeps auto-saving on the revision it has.
	 * False when the revision moved on (the author pressed Stop, or saved what they see meanwhile).
	 */
	public function save_outline_at_revision( Session $session ): bool {
		global $wpdb;
		$table   = SessionTables::conversations();
		$updated = $wpdb->query(
			$wpdb->prepare(
				"UPDATE {$table} SET context = %s, updated_at = %s WHERE session_id = %s AND user_id = %d AND revision = %d", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				self::columns( $session )['context'],
				gmdate( 'Y-m-d H:i:s' ),
				$session->session_id,
				$this->user_id,
				$session->revision
			)
		);
		if ( false === $updated ) {
			throw DomainError::database_error();
		}
		// MySQL counts an update that changed nothing as no row: the same draft written twice is still stored.
		return (int) $updated > 0 || $this->revision_of( $session->session_id ) === $session->revision;
	}

	/** The stored revision (null: no such session of this user). */
	public function revision_of( string $session_id ): ?int {
		global $wpdb;
		$table    = SessionTables::conversations();
		$revision = $wpdb->get_var( $wpdb->prepare( "SELECT revision FROM {$table} WHERE session_id = %s AND user_id = %d", $session_id, $this->user_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return null === $revision ? null : (int) $revision;
	}

	/**
	 * Newest first, `per_page` at a time, optionally only titles containing `search`. Without `post_id`:
	 * course-design sessions only (bound to no post); with it, the sessions bound to that post.
	 *
	 * @return array{sessions: array<int, Session>, total: int}
	 */
	public function list( int $page, int $per_page, string $search = '', ?int $post_id = null ): array {
		global $wpdb;
		$table  = SessionTables::conversations();
		$where  = 'user_id = %d';
		$params = array( $this->user_id );
		if ( '' !== $search ) {
			$where   .= ' AND title LIKE %s';
			$params[] = '%' . $wpdb->esc_like( $search ) . '%';
		}
		if ( null !== $post_id ) {
			// JSON is matched loosely in SQL and exactly below ("post_id":12 also matches 123).
			$where   .= ' AND metadata LIKE %s';
			$params[] = '%' . $wpdb->esc_like( '"post_id":' . $post_id ) . '%';
		}
		$offset = ( $page - 1 ) * $per_page;
		if ( null === $post_id ) {
			// Post-bound sessions carry "post_id" in their metadata JSON (Session::post_id()).
			$where   .= ' AND ( metadata IS NULL OR metadata NOT LIKE %s )';
			$params[] = '%' . $wpdb->esc_like( '"post_id":' ) . '%';
			$total = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$table} WHERE {$where}", $params ) ); // phpcs:ignore WordPress.DB.PreparedSQL
			$rows  = $wpdb->get_results(
				$wpdb->prepare( "SELECT " . self::COLUMNS . " FROM {$table} WHERE {$where} ORDER BY updated_at DESC, id DESC LIMIT %d OFFSET %d", array_merge( $params, array( $per_page, $offset ) ) ), // phpcs:ignore WordPress.DB.PreparedSQL
				ARRAY_A
			);
			return array( 'sessions' => array_map( array( self::class, 'hydrate' ), (array) $rows ), 'total' => $total );
		}
		$rows     = $wpdb->get_results( $wpdb->prepare( "SELECT " . self::COLUMNS . " FROM {$table} WHERE {$where} ORDER BY updated_at DESC, id DESC", $params ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL
		$sessions = array_values( array_filter( array_map( array( self::class, 'hydrate' ), (array) $rows ), static fn( Session $s ): bool => $s->post_id() === $post_id ) );
		return array( 'sessions' => array_slice( $sessions, $offset, $per_page ), 'total' => count( $sessions ) );
	}

	public function delete( string $session_id ): bool {
		global $wpdb;
		$deleted = $wpdb->delete( SessionTables::conversations(), array( 'session_id' => $session_id, 'user_id' => $this->user_id ), array( '%s', '%d' ) );
		if ( false === $deleted ) {
			throw DomainError::database_error();
		}
		return $deleted > 0;
	}

	/** @param array<string, mixed> $row */
	public static function hydrate( array $row ): Session {
		$id      = (string) $row['session_id'];
		$context = JsonColumn::decode( $row['context'] ?? null, 'context', $id );
		$state   = (string) $row['current_state'];
		return new Session(
			$id,
			(int) $row['user_id'],
			(string) $row['title'],
			array_values( array_filter( JsonColumn::decode( $row['messages'] ?? null, 'messages', $id ), 'is_array' ) ),
			isset( $context['course_structure'] ) && is_array( $context['course_structure'] ) ? $context['course_structure'] : null,
			in_array( $state, \CoursesCopilot\Validation\ConversationShape::STATES, true ) ? $state : 'initial',
			isset( $context['ui'] ) && is_array( $context['ui'] ) ? $context['ui'] : array(),
			JsonColumn::decode( $row['metadata'] ?? null, 'metadata', $id ),
			(int) $row['revision'],
			(string) $row['created_at'],
			(string) $row['updated_at']
		);
	}

	/** @return array<string, string> */
	private static function columns( Session $session ): array {
		return array(
			'title'         => self::clip_title( $session->title ),
			'messages'      => JsonColumn::encode( array_values( $session->messages ) ),
			'context'       => JsonColumn::encode( array( 'course_structure' => $session->course_structure, 'ui' => (object) $session->ui ) ),
			'current_state' => $session->state,
			'metadata'      => JsonColumn::encode( (object) $session->metadata ),
			'updated_at'    => gmdate( 'Y-m-d H:i:s' ),
		);
	}

	private static function clip_title( string $title ): string {
		return mb_substr( sanitize_text_field( $title ), 0, 255 );
	}
}
