<?php
/**
 * Creating a course while another request holds the database: on SQLite (the quick start) any
 * concurrent writer makes a transaction's write fail at once with "database is locked", which lost
 * whole course creations when an auto-save landed at the same moment. The creation must wait for
 * the other writer and then succeed, on SQLite and on MariaDB.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Courses\SectionsTable;
use CoursesCopilot\Sessions\SessionTables;
use CoursesCopilot\Tests\Support\TestCase;

final class DatabaseBusyTest extends TestCase {

	/** How long the other connection keeps its write transaction open. */
	private const HOLD_SECONDS = 1.2;

	public function test_a_course_is_created_while_another_connection_holds_a_write_transaction(): void {
		global $wpdb;
		$id = $this->make_session( 'admin' );
		$holder = $this->hold_the_database( $id );
		try {
			$response = $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => self::structure() ) );
		} finally {
			$held = $this->release( $holder );
		}
		$this->assertSame( 'held', $held, 'the other connection held its write transaction' );
		$this->assertSame( 200, $response->status, $response->body );
		$this->assertSame( 4, $response->data()['lessons_created'] );
		wp_cache_flush();
		$course = get_post( $response->data()['course_id'] );
		$this->assertSame( 'Bread Baking', $course->post_title, 'the course is stored, not only answered' );
		$this->assertSame( 'created', self::session_row( $id )['current_state'] );
		$this->assertSame( 1, self::count_rows( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = 'mpcs-course' AND post_title = %s AND ID = %d", 'Bread Baking', $course->ID ) ) );
	}

	/**
	 * The lock race SQLite or InnoDB reports mid-way (here raised at the second lesson, as the drop-in
	 * words it) rolls the attempt back and runs it again: one course, not two and not none.
	 */
	public function test_a_lost_lock_race_mid_way_runs_the_creation_again_once(): void {
		global $wpdb;
		$id              = $this->make_session( 'admin' );
		$posts_before    = self::count_rows( "SELECT COUNT(*) FROM {$wpdb->posts}" );
		$sections_before = self::count_rows( 'SELECT COUNT(*) FROM ' . SectionsTable::name() );
		$attempts        = 0;
		$retries         = array();
		$this->hook(
			'mpcc_course_creation_step',
			static function ( $what, $inserts ) use ( &$attempts ): void {
				if ( 1 === $inserts ) {
					++$attempts;
				}
				if ( 1 === $attempts && 6 === $inserts ) {
					throw new \RuntimeException( 'SQLSTATE[HY000]: General error: 5 database is locked' );
				}
			},
			10,
			2
		);
		$this->hook(
			'mpcc_transaction_retry',
			static function ( $attempt, $said ) use ( &$retries ): void {
				$retries[] = array( $attempt, $said );
			},
			10,
			2
		);
		$response = $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => self::structure() ) );
		$this->assertSame( 200, $response->status, $response->body );
		$this->assertSame( 2, $attempts );
		$this->assertCount( 1, $retries );
		$this->assertStringContainsString( 'database is locked', $retries[0][1] );
		wp_cache_flush();
		$this->assertSame( 1, self::count_rows( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = 'mpcs-course' AND post_title = %s", 'Bread Baking' ) ), 'one course' );
		$this->assertSame( $posts_before + 5, self::count_rows( "SELECT COUNT(*) FROM {$wpdb->posts}" ), 'the course and its four lessons, nothing left from the first attempt' );
		$this->assertSame( $sections_before + 2, self::count_rows( 'SELECT COUNT(*) FROM ' . SectionsTable::name() ) );
	}

	/** Any other failure is not retried: it rolls back and answers at once. */
	public function test_other_failures_are_not_run_again(): void {
		$id       = $this->make_session( 'admin' );
		$attempts = 0;
		$this->hook(
			'mpcc_course_creation_step',
			static function ( $what, $inserts ) use ( &$attempts ): void {
				if ( 1 === $inserts ) {
					++$attempts;
				}
				throw new \RuntimeException( 'something else broke' );
			},
			10,
			2
		);
		[ $response, $logged ] = self::logged( fn() => $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => self::structure() ) ) );
		$this->assertStringContainsString( 'something else broke', $logged );
		$this->assertSame( 500, $response->status );
		$this->assertSame( 'mpcc_database_error', $response->code() );
		$this->assertSame( 1, $attempts );
	}

	/**
	 * Starts a PHP process that opens its own connection, writes to this session's row inside a
	 * transaction, says "locked", keeps the transaction open for HOLD_SECONDS and commits.
	 *
	 * @return array{0: resource, 1: array<int, resource>}
	 */
	private function hold_the_database( string $session_id ): array {
		$table  = SessionTables::conversations();
		$sql    = "UPDATE {$table} SET updated_at = updated_at WHERE session_id = '" . addslashes( $session_id ) . "'";
		$sqlite = 'sqlite' === getenv( 'MPCC_DB_ENGINE' );
		$script = $sqlite
			? '$db = new PDO( ' . var_export( 'sqlite:' . FQDB, true ) . ', null, null, array( PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION, PDO::ATTR_TIMEOUT => 10 ) ); $db->exec( "BEGIN IMMEDIATE" ); $db->exec( ' . var_export( $sql, true ) . ' );'
			: '[ $host, $socket ] = array_pad( explode( ":", ' . var_export( DB_HOST, true ) . ', 2 ), 2, null ); $db = new mysqli( $host, ' . var_export( DB_USER, true ) . ', ' . var_export( DB_PASSWORD, true ) . ', ' . var_export( DB_NAME, true ) . ', 0, $socket ); $db->query( "START TRANSACTION" ); $db->query( ' . var_export( $sql, true ) . ' );';
		$script .= ' echo "locked\n"; usleep( ' . (int) ( self::HOLD_SECONDS * 1_000_000 ) . ' ); ' . ( $sqlite ? '$db->exec( "COMMIT" );' : '$db->query( "COMMIT" );' ) . ' echo "held\n";';
		$process = proc_open( array( PHP_BINARY, '-r', $script ), array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ), $pipes );
		$this->assertIsResource( $process );
		$this->assertSame( 'locked', trim( (string) fgets( $pipes[1] ) ), (string) stream_get_contents( $pipes[2] ) );
		return array( $process, $pipes );
	}

	/** @param array{0: resource, 1: array<int, resource>} $holder */
	private function release( array $holder ): string {
		[ $process, $pipes ] = $holder;
		$said = trim( (string) stream_get_contents( $pipes[1] ) );
		$errors = trim( (string) stream_get_contents( $pipes[2] ) );
		proc_close( $process );
		return '' === $errors ? $said : $said . ' / ' . $errors;
	}
}
