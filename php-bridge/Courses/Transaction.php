<?php
/**
 * One database transaction through $wpdb (START TRANSACTION / COMMIT / ROLLBACK work on InnoDB and
 * on the SQLite drop-in alike). On rollback the rows are gone but WordPress' object cache would still
 * hand back the posts created in this request, so their caches are cleaned too.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Courses;

defined( 'ABSPATH' ) || exit;

final class Transaction {

	/** @var array<int, int> */
	private array $post_ids = array();

	/**
	 * @template T
	 * @param callable(self): T $work
	 * @return T
	 */
	public static function run( callable $work ): mixed {
		global $wpdb;
		$transaction = new self();
		$wpdb->query( 'START TRANSACTION' );
		try {
			$result = $work( $transaction );
		} catch ( \Throwable $error ) {
			$wpdb->query( 'ROLLBACK' );
			$transaction->forget_posts();
			throw $error;
		}
		$wpdb->query( 'COMMIT' );
		return $result;
	}

	/** Remembers a post made inside the transaction, to clean its caches if it is rolled back. */
	public function created_post( int $post_id ): void {
		$this->post_ids[] = $post_id;
	}

	private function forget_posts(): void {
		foreach ( $this->post_ids as $post_id ) {
			clean_post_cache( $post_id );
			wp_cache_delete( $post_id, 'posts' );
			wp_cache_delete( $post_id, 'post_meta' );
		}
	}
}
