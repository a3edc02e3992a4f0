<?php
/**
 * One database transaction through $wpdb (START TRANSACTION / COMMIT / ROLLBACK work on InnoDB and
 * on the SQLite drop-in alike). On rollback the rows are gone but WordPress' object cache would still
 * hand back the posts created in this request, so their caches are cleaned too.
 *
 * A transaction that loses a lock race is run again: on SQLite (the quick start, Playground) any
 * other request writing at the same moment makes ours fail with "database is locked", and InnoDB
 * answers a deadlock by rolling one side back and asking to restart it. Both mean "try again", and
 * the work is all-or-nothing, so running it again is safe. A COMMIT that fails is a failure too,
 * never a success the next request would not find.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Courses;

defined( 'ABSPATH' ) || exit;

final class Transaction {

	/** How many times the work runs at most when the database is busy (waits of 0.1 s doubling to 1 s: about 5 s in all). */
	public const ATTEMPTS = 8;

	/** What SQLite and MySQL/MariaDB say when a transaction lost a lock race and may simply be retried. */
	private const BUSY = '/database is locked|database table is locked|SQLITE_BUSY|Deadlock found|Lock wait timeout exceeded/i';

	/** @var array<int, int> */
	private array $post_ids = array();

	/**
	 * @template T
	 * @param callable(self): T $work
	 * @return T
	 */
	public static function run( callable $work ): mixed {
		for ( $attempt = 1; ; $attempt++ ) {
			try {
				return self::once( $work );
			} catch ( LostLockRace $race ) {
				if ( $attempt >= self::ATTEMPTS ) {
					throw $race->getPrevious() ?? $race;
				}
				/**
				 * Fires before a transaction that lost a lock race runs again (tests and logs watch it).
				 *
				 * @param int    $attempt The attempt that failed (1-based).
				 * @param string $error   What the database said.
				 */
				do_action( 'mpcc_transaction_retry', $attempt, $race->getMessage() );
				// Another writer (an auto-save, a course being created) is done within a second or two; SQLite
				// refuses at once rather than waiting, so wait here. Jitter keeps two retrying requests apart.
				usleep( min( 100_000 * ( 2 ** ( $attempt - 1 ) ), 1_000_000 ) + random_int( 0, 100_000 ) );
			}
		}
	}

	/** Remembers a post made inside the transaction, to clean its caches if it is rolled back. */
	public function created_post( int $post_id ): void {
		$this->post_ids[] = $post_id;
	}

	/**
	 * @template T
	 * @param callable(self): T $work
	 * @return T
	 */
	private static function once( callable $work ): mixed {
		global $wpdb;
		$transaction = new self();
		$wpdb->query( 'START TRANSACTION' );
		try {
			$result = $work( $transaction );
			$error  = $wpdb->last_error;
			// The drop-in throws when SQLite refuses the COMMIT; wpdb on MySQL answers false.
			if ( false === $wpdb->query( 'COMMIT' ) ) {
				throw new \RuntimeException( 'COMMIT failed: ' . ( $wpdb->last_error ? $wpdb->last_error : $error ) );
			}
			return $result;
		} catch ( \Throwable $failure ) {
			// Read before ROLLBACK: every query clears $wpdb->last_error.
			$said = $wpdb->last_error . ' ' . $failure->getMessage();
			$wpdb->query( 'ROLLBACK' );
			$transaction->forget_posts();
			if ( 1 === preg_match( self::BUSY, $said ) ) {
				throw new LostLockRace( trim( $said ), $failure );
			}
			throw $failure;
		}
	}

	private function forget_posts(): void {
		foreach ( $this->post_ids as $post_id ) {
			clean_post_cache( $post_id );
			wp_cache_delete( $post_id, 'posts' );
			wp_cache_delete( $post_id, 'post_meta' );
		}
	}
}
