<?php
/**
 * mpcc_create_course: the MemberPress Courses data model written exactly, one transaction (a
 * failure after any number of inserts leaves nothing: no post, meta or section row, and the
 * session not marked created — on SQLite and on MariaDB), and idempotent per session.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Courses\CourseCreator;
use CoursesCopilot\Courses\SectionsTable;
use CoursesCopilot\Sessions\LessonDraftRepository;
use CoursesCopilot\Tests\Support\TestCase;

final class CreateCourseTest extends TestCase {

	public function test_creates_the_course_sections_and_lessons_as_memberpress_courses_stores_them(): void {
		global $wpdb;
		$structure = self::structure( 2, 3 );
		$structure['sections'][1]['lessons'][0]['content'] = 'Plain text lesson.';
		$id = $this->make_session( 'admin', array( 'course_structure' => $structure ) );
		( new LessonDraftRepository() )->upsert( $id, 's1', 's1l2', "<!-- wp:heading -->\n<h2>Drafted</h2>\n<!-- /wp:heading -->", 1 );

		$response = $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => $structure ) );
		$this->assertSame( 200, $response->status, $response->body );
		$data = $response->data();
		$this->assertSame( 2, $data['sections_created'] );
		$this->assertSame( 6, $data['lessons_created'] );
		$this->assertStringContainsString( 'post.php?post=' . $data['course_id'] . '&action=edit', $data['edit_url'] );
		$this->assertStringContainsString( 'preview=true', $data['preview_url'] );

		$course = get_post( $data['course_id'] );
		$this->assertSame( 'mpcs-course', $course->post_type );
		$this->assertSame( 'draft', $course->post_status );
		$this->assertSame( 'Bread Baking', $course->post_title );
		$this->assertSame( self::user_id( 'admin' ), (int) $course->post_author );
		$this->assertStringContainsString( "<!-- wp:paragraph -->\n<p>Flour, water, salt.</p>", $course->post_content );

		$sections = $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM ' . SectionsTable::name() . ' WHERE course_id = %d ORDER BY section_order', $data['course_id'] ), ARRAY_A );
		$this->assertSame( array( 'Section 1', 'Section 2' ), array_column( $sections, 'title' ) );
		$this->assertSame( array( '0', '1' ), array_map( 'strval', array_column( $sections, 'section_order' ) ) );
		$this->assertSame( 'About section 1.', $sections[0]['description'] );
		foreach ( $sections as $section ) {
			$this->assertMatchesRegularExpression( '/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/', $section['uuid'] );
			$this->assertNotEmpty( $section['created_at'] );
		}

		$lessons = get_posts( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'draft', 'numberposts' => -1, 'meta_key' => '_mpcs_lesson_section_id', 'meta_value' => $sections[0]['id'], 'orderby' => 'ID', 'order' => 'ASC' ) );
		$this->assertSame( array( 'Lesson 1.1', 'Lesson 1.2', 'Lesson 1.3' ), array_column( $lessons, 'post_title' ) );
		$this->assertSame( array( 1, 2, 3 ), array_map( static fn( $l ) => (int) get_post_meta( $l->ID, '_mpcs_lesson_lesson_order', true ), $lessons ) );
		$this->assertSame( "<!-- wp:paragraph -->\n<p>What lesson 1.1 covers.</p>\n<!-- /wp:paragraph -->", $lessons[0]->post_content, 'summary as a paragraph block' );
		$this->assertSame( "<!-- wp:heading -->\n<h2>Drafted</h2>\n<!-- /wp:heading -->", $lessons[1]->post_content, 'the lesson draft wins' );
		$second = get_posts( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'draft', 'numberposts' => 1, 'meta_key' => '_mpcs_lesson_section_id', 'meta_value' => $sections[1]['id'], 'orderby' => 'ID', 'order' => 'ASC' ) );
		$this->assertSame( "<!-- wp:paragraph -->\n<p>Plain text lesson.</p>\n<!-- /wp:paragraph -->", $second[0]->post_content );

		$session = $this->ajax( 'mpcc_load_session', array( 'session_id' => $id ) )->data()['session'];
		$this->assertSame( 'created', $session['conversation_state'] );
		$this->assertSame( $data['course_id'], $session['created_course_id'] );
		$this->assertSame( $data['revision'], $session['revision'] );
	}

	public function test_each_lesson_keeps_its_summary_as_excerpt_and_its_duration_also_when_a_draft_is_its_content(): void {
		$structure = self::structure( 1, 2 );
		$structure['sections'][0]['lessons'][0]['duration_minutes'] = 25;
		$structure['sections'][0]['lessons'][1]['duration_minutes'] = 40;
		$id = $this->make_session( 'admin', array( 'course_structure' => $structure ) );
		( new LessonDraftRepository() )->upsert( $id, 's1', 's1l2', "<!-- wp:paragraph -->\n<p>The drafted lesson.</p>\n<!-- /wp:paragraph -->", 1 );

		$response = $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => $structure ) );
		$this->assertSame( 200, $response->status, $response->body );
		$lessons = get_posts( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'draft', 'numberposts' => -1, 'meta_key' => '_mpcs_lesson_lesson_order', 'orderby' => 'ID', 'order' => 'ASC', 'post__in' => $this->lesson_ids( $response->data()['course_id'] ) ) );
		$this->assertSame( array( 'What lesson 1.1 covers.', 'What lesson 1.2 covers.' ), array_column( $lessons, 'post_excerpt' ) );
		$this->assertStringContainsString( 'The drafted lesson.', $lessons[1]->post_content, 'the draft is the content' );
		$this->assertSame( array( '25', '40' ), array_map( static fn( $l ) => (string) get_post_meta( $l->ID, CourseCreator::DURATION_META, true ), $lessons ) );
	}

	/** @return array<int, int> */
	private function lesson_ids( int $course_id ): array {
		return array_map( static fn( $p ) => $p->ID, \CoursesCopilot\Courses\CourseOutline::lessons( $course_id ) );
	}

	public function test_a_second_create_returns_the_first_course(): void {
		$id     = $this->make_session( 'admin' );
		$first  = $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => self::structure() ) )->data();
		$count  = self::count_rows( "SELECT COUNT(*) FROM {$GLOBALS['wpdb']->posts}" );
		$second = $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => self::structure( 3, 3 ) ) );
		$this->assertSame( 200, $second->status );
		$this->assertSame( $first['course_id'], $second->data()['course_id'] );
		$this->assertSame( $first['lessons_created'], $second->data()['lessons_created'] );
		$this->assertSame( $count, self::count_rows( "SELECT COUNT(*) FROM {$GLOBALS['wpdb']->posts}" ) );
		// An auto-save from an old tab cannot take the session out of "created".
		$save = $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => $id, 'revision' => $second->data()['revision'], 'session_data' => array( 'messages' => array(), 'course_structure' => self::structure(), 'conversation_state' => 'course_structure' ) ) );
		$this->assertSame( 200, $save->status, $save->body );
		$this->assertSame( 'created', self::session_row( $id )['current_state'] );
	}

	/** @return array<string, array{0: int}> */
	public static function failure_points(): array {
		// Inserts of a 2 × 2 course: course 1, section 2, lesson 3, its meta 4–5, … last meta 15.
		return array( 'after the course' => array( 1 ), 'after a section' => array( 2 ), 'after a lesson' => array( 3 ), 'between its meta' => array( 4 ), 'in the second section' => array( 10 ), 'after the last insert' => array( 15 ) );
	}

	/** @dataProvider failure_points */
	public function test_a_failure_after_n_inserts_rolls_everything_back( int $fail_at ): void {
		global $wpdb;
		$id      = $this->make_session( 'admin' );
		$row     = self::session_row( $id );
		$counts  = $this->counts();
		$reached = 0;
		$this->hook(
			'mpcc_course_creation_step',
			static function ( $what, $inserts ) use ( $fail_at, &$reached ): void {
				$reached = $inserts;
				if ( $inserts === $fail_at ) {
					throw new \RuntimeException( "injected failure after {$inserts} inserts" );
				}
			},
			10,
			2
		);
		[ $response, $logged ] = self::logged( fn() => $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => self::structure() ) ) );
		$this->assertSame( $fail_at, $reached );
		$this->assertSame( 500, $response->status, $response->body );
		$this->assertSame( 'mpcc_database_error', $response->code() );
		$this->assertStringContainsString( "injected failure after {$fail_at} inserts", $logged );
		wp_cache_flush();
		$this->assertSame( $counts, $this->counts(), 'no post, meta or section row is left on ' . getenv( 'MPCC_DB_ENGINE' ) );
		$this->assertSame( 0, self::count_rows( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_title = %s", 'Bread Baking' ) ) );
		$this->assertSame( $row, self::session_row( $id ), 'the session is not marked created' );
		// And it works once the failure is gone.
		remove_all_actions( 'mpcc_course_creation_step' );
		$again = $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => self::structure() ) );
		$this->assertSame( 200, $again->status, $again->body );
		$this->assertSame( 4, $again->data()['lessons_created'] );
	}

	public function test_a_database_error_mid_way_rolls_back_too(): void {
		global $wpdb;
		$id     = $this->make_session( 'admin' );
		$counts = $this->counts();
		// The second section insert hits a real database error (a column that does not exist).
		$this->hook(
			'query',
			static function ( string $query ) use ( &$inserted ): string {
				if ( str_starts_with( $query, 'INSERT INTO `' . SectionsTable::name() . '`' ) && ++$inserted === 2 ) {
					return str_replace( '`title`', '`no_such_column`', $query );
				}
				return $query;
			}
		);
		$suppress = $wpdb->suppress_errors( true );
		$response = $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => self::structure() ) );
		$wpdb->suppress_errors( $suppress );
		$this->assertSame( 500, $response->status, $response->body );
		wp_cache_flush();
		$this->assertSame( $counts, $this->counts() );
	}

	public function test_invalid_and_oversized_structures_are_refused_before_anything_is_written(): void {
		$id     = $this->make_session( 'admin' );
		$counts = $this->counts();
		foreach ( array( self::structure( 51, 1 ), self::structure( 1, 51 ), array( 'title' => '', 'description' => '', 'sections' => array() ) ) as $bad ) {
			$response = $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => $bad ) );
			$this->assertSame( 400, $response->status );
			$this->assertSame( 'mpcc_invalid_parameter', $response->code() );
		}
		// The outline saved as a draft is still held to the creation rules here, naming the field.
		$untitled                                      = self::structure( 2, 3 );
		$untitled['sections'][0]['lessons'][2]['title'] = ' ';
		$expected = array(
			array( $untitled, 'sections.0.lessons.2.title: expected at least 1 characters' ),
			array( self::structure( 1, 51 ), 'sections.0.lessons: expected at most 50 items' ),
			array( self::structure( 2, 0 ), 'sections: expected at least 1 lesson' ),
		);
		foreach ( $expected as [ $bad, $error ] ) {
			$response = $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => $bad ) );
			$this->assertSame( 400, $response->status );
			$this->assertSame( array( $error ), $response->data()['errors'] );
		}
		$this->assertSame( 400, $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => '{"title": "x",' ) )->status );
		$this->assertSame( 413, $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => str_repeat( ' ', 2100000 ) . '{}' ) )->status );
		$this->assertSame( $counts, $this->counts() );
	}

	public function test_model_html_in_the_structure_is_stored_inert(): void {
		$structure = self::structure( 1, 1 );
		$structure['title'] = 'Bread <script>alert(1)</script>';
		$structure['sections'][0]['lessons'][0]['content'] = '<p>Knead.</p><img src=x onerror="alert(1)"><script>steal()</script>';
		$id   = $this->make_session( 'admin' );
		$data = $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => $structure ) )->data();
		$this->assertSame( 'Bread', get_post( $data['course_id'] )->post_title );
		$lesson = get_posts( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'draft', 'numberposts' => 1, 'orderby' => 'ID', 'order' => 'DESC' ) )[0];
		$this->assertStringNotContainsString( 'onerror', $lesson->post_content );
		$this->assertStringNotContainsString( 'script', $lesson->post_content );
		$this->assertStringContainsString( 'Knead.', $lesson->post_content );
	}

	/** @return array<string, int> */
	private function counts(): array {
		global $wpdb;
		return array(
			'posts'    => self::count_rows( "SELECT COUNT(*) FROM {$wpdb->posts}" ),
			'postmeta' => self::count_rows( "SELECT COUNT(*) FROM {$wpdb->postmeta}" ),
			'sections' => self::count_rows( 'SELECT COUNT(*) FROM ' . SectionsTable::name() ),
		);
	}
}
