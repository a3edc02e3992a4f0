<?php
/**
 * Sessions: auto-save (create, save, rename, conflict, limits), load with drafts, list (paging,
 * search, post filter, newest first), delete with drafts, and a row with broken JSON.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Sessions\LessonDraftRepository;
use CoursesCopilot\Sessions\SessionTables;
use CoursesCopilot\Tests\Support\TestCase;

final class SessionsTest extends TestCase {

	/** @return array<string, mixed> */
	private static function data( array $overrides = array() ): array {
		return array_merge(
			array(
				'title'              => 'Bread course',
				'messages'           => array( array( 'role' => 'user', 'content' => 'A course on bread' ), array( 'role' => 'assistant', 'content' => 'Here it is.', 'demo' => true ) ),
				'course_structure'   => self::structure(),
				'conversation_state' => 'course_structure',
				'ui'                 => array( 'selectedLesson' => 's1l1' ),
			),
			$overrides
		);
	}

	public function test_auto_save_creates_then_saves_with_increasing_revisions(): void {
		$first = $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => '', 'session_data' => self::data(), 'revision' => 0 ) );
		$this->assertSame( 200, $first->status, $first->body );
		$this->assertTrue( $first->data()['auto_saved'] );
		$this->assertSame( 1, $first->data()['revision'] );
		$id = $first->data()['session_id'];
		$this->assertMatchesRegularExpression( '/^[0-9a-f-]{36}$/', $id );

		$second = $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => $id, 'session_data' => self::data( array( 'title' => 'Sourdough' ) ), 'revision' => 1 ) );
		$this->assertSame( 2, $second->data()['revision'], $second->body );

		$loaded = $this->ajax( 'mpcc_load_session', array( 'session_id' => $id ) )->data()['session'];
		$this->assertSame( 'Sourdough', $loaded['title'] );
		$this->assertSame( 2, $loaded['revision'] );
		$this->assertSame( 'course_structure', $loaded['conversation_state'] );
		$this->assertSame( self::structure(), $loaded['course_structure'] );
		$this->assertSame( 'Here it is.', $loaded['messages'][1]['content'] );
		$this->assertSame( array( 'selectedLesson' => 's1l1' ), $loaded['ui'] );
		$this->assertSame( array(), $loaded['lesson_drafts'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $loaded['updated_at'] );
	}

	public function test_a_stale_revision_is_a_conflict_with_the_server_copy_and_changes_nothing(): void {
		$id    = $this->make_session( 'admin', array( 'title' => 'Server title', 'revision' => 5 ) );
		$row   = self::session_row( $id );
		$stale = $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => $id, 'session_data' => self::data( array( 'title' => 'Old tab' ) ), 'revision' => 4 ) );
		$this->assertSame( 409, $stale->status );
		$this->assertSame( 'mpcc_conflict', $stale->code() );
		$this->assertSame( 'Server title', $stale->data()['server_session']['title'] );
		$this->assertSame( 5, $stale->data()['server_session']['revision'] );
		$this->assertNotEmpty( $stale->data()['message'] );
		$this->assertSame( $row, self::session_row( $id ) );

		$fresh = $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => $id, 'session_data' => self::data(), 'revision' => 5 ) );
		$this->assertSame( 6, $fresh->data()['revision'] );
	}

	public function test_limits_answer_413_or_400_and_store_nothing(): void {
		$id  = $this->make_session( 'admin' );
		$row = self::session_row( $id );
		$big = self::data( array( 'messages' => array( array( 'role' => 'user', 'content' => str_repeat( 'a', 99000 ) ) ) ) );
		$big['messages'] = array_fill( 0, 11, $big['messages'][0] ); // ~1.1 MB.
		$too_big         = $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => $id, 'session_data' => $big, 'revision' => 1 ) );
		$this->assertSame( 413, $too_big->status );
		$this->assertSame( 'mpcc_payload_too_large', $too_big->code() );

		$this->assertSame( array( 'session_data: expected at most 1048576 bytes' ), $too_big->data()['errors'], 'the 413 names the field' );

		// Only counts far beyond any person's course are refused, naming the field.
		$wide = self::data( array( 'course_structure' => self::structure( 501, 0 ) ) );
		$resp = $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => $id, 'session_data' => $wide, 'revision' => 1 ) );
		$this->assertSame( 400, $resp->status );
		$this->assertSame( 'mpcc_invalid_parameter', $resp->code() );
		$this->assertSame( array( 'course_structure.sections: expected at most 500 items' ), $resp->data()['errors'] );

		$deep = self::data( array( 'course_structure' => self::structure( 1, 1001 ) ) );
		$resp = $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => $id, 'session_data' => $deep, 'revision' => 1 ) );
		$this->assertSame( 400, $resp->status );
		$this->assertSame( array( 'course_structure.sections.0.lessons: expected at most 1000 items' ), $resp->data()['errors'] );

		$many = self::data( array( 'course_structure' => self::structure( 6, 900 ) ) );
		$resp = $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => $id, 'session_data' => $many, 'revision' => 1 ) );
		$this->assertSame( 400, $resp->status );
		$this->assertSame( array( 'course_structure.sections: expected at most 5000 lessons in all' ), $resp->data()['errors'] );

		$broken = $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => $id, 'session_data' => '{"title":', 'revision' => 1 ) );
		$this->assertSame( 400, $broken->status );
		$this->assertSame( $row, self::session_row( $id ) );

		$count = self::count_rows( 'SELECT COUNT(*) FROM ' . SessionTables::conversations() );
		$this->assertSame( 400, $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => '', 'session_data' => $wide, 'revision' => 0 ) )->status );
		$this->assertSame( $count, self::count_rows( 'SELECT COUNT(*) FROM ' . SessionTables::conversations() ), 'an invalid first save creates no session' );
	}

	/** Issue 17: work in progress always saves; the creation rules wait for Create course. */
	public function test_an_unfinished_outline_saves_as_a_draft(): void {
		$draft                                      = self::structure( 2, 51 );
		$draft['sections'][0]['lessons'][2]['title'] = '';
		$draft['sections'][1]['title']               = '   ';
		$draft['sections'][1]['lessons'][0]['title'] = str_repeat( 'é', 300 );
		$draft['sections'][]                         = array( 'id' => 's-new', 'title' => '', 'lessons' => array() );
		$draft['title']                              = '';
		$saved = $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => '', 'session_data' => self::data( array( 'course_structure' => $draft, 'title' => str_repeat( 'T', 300 ) ) ), 'revision' => 0 ) );
		$this->assertSame( 200, $saved->status, (string) wp_json_encode( $saved->data() ) );

		$loaded = $this->ajax( 'mpcc_load_session', array( 'session_id' => $saved->data()['session_id'] ) )->data()['session'];
		$outline = $loaded['course_structure'];
		$this->assertCount( 3, $outline['sections'] );
		$this->assertCount( 51, $outline['sections'][0]['lessons'] );
		$this->assertSame( '', $outline['sections'][0]['lessons'][2]['title'] );
		$this->assertSame( str_repeat( 'é', 300 ), $outline['sections'][1]['lessons'][0]['title'] );
		$this->assertSame( array(), $outline['sections'][2]['lessons'] );
		$this->assertSame( 255, mb_strlen( $loaded['title'] ), 'a long conversation title is cut to the column, not refused' );
	}

	public function test_saved_content_is_made_inert(): void {
		$data = self::data(
			array(
				'title'    => '<img src=x onerror=alert(1)>Bread',
				'messages' => array( array( 'role' => 'assistant', 'content' => 'Hi <script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">link</a>' ) ),
			)
		);
		$data['course_structure']['sections'][0]['lessons'][0]['content'] = '<p onmouseover="x()">Body</p><script>steal()</script>';
		$id      = $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => '', 'session_data' => $data, 'revision' => 0 ) )->data()['session_id'];
		$session = $this->ajax( 'mpcc_load_session', array( 'session_id' => $id ) )->data()['session'];
		$stored  = wp_json_encode( $session );
		foreach ( array( '<script', 'onerror', 'onclick', 'onmouseover', 'javascript:' ) as $bad ) {
			$this->assertStringNotContainsString( $bad, (string) $stored );
			$this->assertStringNotContainsString( $bad, (string) wp_json_encode( self::session_row( $id ) ) );
		}
		$this->assertSame( 'Bread', $session['title'] );
	}

	public function test_suggestion_cards_keep_their_state_and_target_and_are_made_inert(): void {
		$target = array(
			'client_id' => 'c-1',
			'name'      => 'core/paragraph',
			'path'      => array( 2, 0 ),
			'content'   => '<!-- wp:paragraph --><p onclick="x()">Old</p><!-- /wp:paragraph -->',
		);
		$cards  = array(
			array( 'id' => 's1', 'label' => 'Rewrite', 'type' => 'replace_block', 'content' => '<!-- wp:paragraph --><p>New</p><script>x()</script><!-- /wp:paragraph -->', 'state' => 'applied', 'target' => $target ),
			array( 'id' => 's2', 'label' => 'Title', 'type' => 'set_title', 'title' => 'Better', 'state' => 'dismissed' ),
			array( 'id' => 's3', 'label' => 'Summary', 'type' => 'insert_blocks', 'position' => 'end', 'content' => '<!-- wp:paragraph --><p>Sum</p><!-- /wp:paragraph -->' ),
		);
		$data   = self::data( array( 'messages' => array( array( 'role' => 'user', 'content' => 'Ideas?' ), array( 'role' => 'assistant', 'content' => 'Three.', 'suggestions' => $cards ) ) ) );
		$saved  = $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => '', 'session_data' => $data, 'revision' => 0 ) );
		$this->assertSame( 200, $saved->status, $saved->body );
		$kept = $this->ajax( 'mpcc_load_session', array( 'session_id' => $saved->data()['session_id'] ) )->data()['session']['messages'][1]['suggestions'];
		$this->assertSame( array( 'applied', 'dismissed', null ), array_map( static fn( $c ) => $c['state'] ?? null, $kept ) );
		$this->assertSame( array( 'c-1', 'core/paragraph', array( 2, 0 ) ), array( $kept[0]['target']['client_id'], $kept[0]['target']['name'], $kept[0]['target']['path'] ) );
		$this->assertStringNotContainsString( '<script', (string) wp_json_encode( $kept ) );
		$this->assertStringNotContainsString( 'onclick', (string) wp_json_encode( $kept ) );

		$cards[0]['state'] = 'half-done';
		$bad               = self::data( array( 'messages' => array( array( 'role' => 'assistant', 'content' => 'x', 'suggestions' => $cards ) ) ) );
		$this->assertSame( 400, $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => '', 'session_data' => $bad, 'revision' => 0 ) )->status );
	}

	public function test_renaming_is_an_auto_save_with_a_new_title_and_list_finds_it(): void {
		$id = $this->make_session( 'admin', array( 'title' => 'Untitled' ) );
		$this->ajax( 'mpcc_auto_save_session', array( 'session_id' => $id, 'session_data' => self::data( array( 'title' => 'Knife skills' ) ), 'revision' => 1 ) );
		$found = $this->ajax( 'mpcc_list_sessions', array( 'search' => 'knife' ) )->data();
		$this->assertSame( 1, $found['total'] );
		$this->assertSame( $id, $found['sessions'][0]['session_id'] );
		$this->assertSame( 'Knife skills', $found['sessions'][0]['title'] );
	}

	public function test_list_is_newest_first_paged_and_filters_by_post(): void {
		$ids = array();
		for ( $i = 0; $i < 5; $i++ ) {
			$ids[] = $this->make_session( 'editor', array( 'title' => "Session {$i}", 'updated_at' => gmdate( 'Y-m-d H:i:s', time() - 1000 + $i ) ) );
		}
		$course  = (int) self::demo()['course_id'];
		$bound   = $this->make_session( 'editor', array( 'title' => 'Sidebar', 'metadata' => wp_json_encode( array( 'post_id' => $course ) ), 'updated_at' => gmdate( 'Y-m-d H:i:s', time() - 2000 ) ) );
		$this->make_session( 'editor', array( 'title' => 'Other post', 'metadata' => wp_json_encode( array( 'post_id' => (int) ( $course . '1' ) ) ) ) );
		$this->make_session( 'admin', array( 'title' => 'Session of the admin' ) );

		$page1 = $this->ajax( 'mpcc_list_sessions', array( 'page' => 1, 'per_page' => 2, 'search' => 'Session' ), 'editor' )->data();
		$this->assertSame( 5, $page1['total'] );
		$this->assertSame( array( $ids[4], $ids[3] ), array_column( $page1['sessions'], 'session_id' ) );
		$page3 = $this->ajax( 'mpcc_list_sessions', array( 'page' => 3, 'per_page' => 2, 'search' => 'Session' ), 'editor' )->data();
		$this->assertSame( array( $ids[0] ), array_column( $page3['sessions'], 'session_id' ) );
		$this->assertSame( array( 'session_id', 'title', 'updated_at', 'conversation_state' ), array_keys( $page3['sessions'][0] ) );

		$for_post = $this->ajax( 'mpcc_list_sessions', array( 'post_id' => $course ), 'editor' )->data();
		$this->assertSame( 1, $for_post['total'] );
		$this->assertSame( $bound, $for_post['sessions'][0]['session_id'] );
		$this->assertSame( $course, $for_post['sessions'][0]['post_id'] );

		$this->assertSame( 50, $this->ajax( 'mpcc_list_sessions', array( 'per_page' => 500 ), 'editor' )->data()['per_page'] );
	}

	public function test_list_without_post_id_is_course_design_sessions_only_paged_over_all(): void {
		$course = (int) self::demo()['course_id'];
		$design = array();
		for ( $i = 0; $i < 27; $i++ ) {
			$design[] = $this->make_session( 'editor', array( 'title' => "Design {$i}", 'current_state' => 0 === $i % 2 ? 'course_structure' : 'created', 'updated_at' => gmdate( 'Y-m-d H:i:s', time() - 5000 + $i ) ) );
		}
		$sidebar = $this->make_session( 'editor', array( 'title' => 'Auto Draft', 'metadata' => wp_json_encode( array( 'post_id' => $course ) ) ) );

		$seen = array();
		for ( $page = 1; $page <= 2; $page++ ) {
			$data = $this->ajax( 'mpcc_list_sessions', array( 'page' => $page, 'per_page' => 20 ), 'editor' )->data();
			$this->assertSame( 27, $data['total'], 'the sidebar session is not counted' );
			$seen = array_merge( $seen, $data['sessions'] );
		}
		$this->assertSame( array_reverse( $design ), array_column( $seen, 'session_id' ), 'every course-design session, newest first, across pages' );
		$this->assertNotContains( $sidebar, array_column( $seen, 'session_id' ) );
		$this->assertSame( 'created', $seen[1]['conversation_state'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $seen[0]['updated_at'] );
		// The post still finds its own.
		$this->assertSame( array( $sidebar ), array_column( $this->ajax( 'mpcc_list_sessions', array( 'post_id' => $course ), 'editor' )->data()['sessions'], 'session_id' ) );
	}

	public function test_load_includes_drafts_and_delete_removes_them(): void {
		$id     = $this->make_session( 'admin' );
		$drafts = new LessonDraftRepository();
		$drafts->upsert( $id, 's1', 's1l1', '<p>Draft one</p>', 0 );
		$drafts->upsert( $id, 's1', 's1l1', '<p>Draft one, edited</p>', 0 );
		$drafts->upsert( $id, 's1', 's1l2', '<p>Draft two</p>', 1 );
		$session = $this->ajax( 'mpcc_load_session', array( 'session_id' => $id ) )->data()['session'];
		$this->assertSame( array( 's1l1' => '<p>Draft one, edited</p>', 's1l2' => '<p>Draft two</p>' ), $session['lesson_drafts'] );

		$deleted = $this->ajax( 'mpcc_delete_session', array( 'session_id' => $id ) );
		$this->assertSame( array( 'deleted' => true ), $deleted->data() );
		$this->assertNull( self::session_row( $id ) );
		$this->assertSame( array(), $drafts->for_session( $id ) );
		$this->assertSame( 404, $this->ajax( 'mpcc_load_session', array( 'session_id' => $id ) )->status );
		$this->assertSame( 404, $this->ajax( 'mpcc_delete_session', array( 'session_id' => $id ) )->status );
	}

	public function test_a_row_with_broken_json_is_read_as_empty_and_logged(): void {
		$id     = $this->make_session( 'admin', array( 'messages' => '[{"role":"user","content":"trunc', 'context' => '{not json', 'metadata' => 'null' ) );
		$logged = array();
		$this->hook(
			'mpcc_broken_session_json',
			static function ( $column ) use ( &$logged ): void {
				$logged[] = $column;
			}
		);
		[ $response, $said ] = self::logged( fn() => $this->ajax( 'mpcc_load_session', array( 'session_id' => $id ) ) );
		$this->assertSame( 200, $response->status, $response->body );
		$session = $response->data()['session'];
		$this->assertSame( array(), $session['messages'] );
		$this->assertNull( $session['course_structure'] );
		sort( $logged );
		$this->assertSame( array( 'context', 'messages' ), $logged );
		$this->assertStringContainsString( "broken JSON in messages of session {$id}", $said );
		$listed = $this->ajax( 'mpcc_list_sessions' );
		$this->assertSame( 200, $listed->status );
		// And the session can be saved over, repairing it.
		$this->assertSame( 200, $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => $id, 'session_data' => self::data(), 'revision' => 1 ) )->status );
	}

	public function test_session_ids_and_fields_are_checked(): void {
		$this->assertSame( 400, $this->ajax( 'mpcc_load_session', array( 'session_id' => "x' OR 1=1 --" ) )->status );
		$this->assertSame( 400, $this->ajax( 'mpcc_load_session', array() )->status );
		$this->assertSame( 400, $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => '' ) )->status );
		$this->assertSame( 400, $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => '', 'session_data' => array( 'messages' => array(), 'conversation_state' => 'finished' ) ) )->status );
		$this->assertSame( 400, $this->ajax( 'mpcc_list_sessions', array( 'page' => 'two' ) )->status );
	}
}
