<?php
/**
 * mpcc_generate_lesson_content: writes a lesson of the session's outline with the proxy and keeps it
 * as a draft; `content` stores a hand-edited draft without the model.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Sessions\LessonDraftRepository;
use CoursesCopilot\Tests\Support\TestCase;

final class LessonContentTest extends TestCase {

	public function test_generates_and_stores_a_draft_through_the_proxy(): void {
		$id       = $this->make_session( 'admin' );
		$row      = self::session_row( $id );
		$response = $this->ajax( 'mpcc_generate_lesson_content', array( 'session_id' => $id, 'section_id' => 's2', 'lesson_id' => 's2l1', 'instructions' => 'Keep it short.' ) );
		$this->assertSame( 200, $response->status, $response->body );
		$data = $response->data();
		$this->assertTrue( $data['draft_saved'] );
		$this->assertNotSame( '', $data['content'] );
		$this->assertSame( array( 's2l1' => $data['content'] ), ( new LessonDraftRepository() )->for_session( $id ) );
		$body = $this->proxy_requests[0]['body'];
		$this->assertSame( array( 'course', 'section_id', 'lesson_id', 'instructions' ), array_keys( $body ) );
		$this->assertSame( self::structure(), $body['course'] );
		$this->assertSame( $row['revision'], self::session_row( $id )['revision'], 'a draft does not move the session revision (the browser auto-saves on)' );
	}

	public function test_streams_content_then_done(): void {
		$id       = $this->make_session( 'admin' );
		$response = $this->ajax( 'mpcc_generate_lesson_content', array( 'session_id' => $id, 'section_id' => 's1', 'lesson_id' => 's1l2', 'stream' => '1' ) );
		$this->assertSame( 200, $response->status, $response->body );
		$names = $response->event_names();
		$this->assertSame( 'done', end( $names ), $response->body );
		$events = $response->events();
		$done   = end( $events )['data'];
		$this->assertTrue( $done['draft_saved'] );
		$this->assertSame( array( 's1l2' => $done['content'] ), ( new LessonDraftRepository() )->for_session( $id ) );
	}

	public function test_a_hand_edited_draft_is_saved_without_the_model_and_cleaned(): void {
		$id       = $this->make_session( 'admin' );
		$response = $this->ajax( 'mpcc_generate_lesson_content', array( 'session_id' => $id, 'section_id' => 's1', 'lesson_id' => 's1l1', 'content' => '<p onclick="x()">Mine</p><script>bad()</script>' ) );
		$this->assertSame( 200, $response->status, $response->body );
		$this->assertSame( '<p>Mine</p>', $response->data()['content'] );
		$this->assertSame( array(), $this->proxy_requests );
		$this->assertSame( array( 's1l1' => '<p>Mine</p>' ), ( new LessonDraftRepository() )->for_session( $id ) );
	}

	public function test_a_lesson_outside_the_outline_or_too_long_content_is_refused(): void {
		$id = $this->make_session( 'admin' );
		$this->assertSame( 400, $this->ajax( 'mpcc_generate_lesson_content', array( 'session_id' => $id, 'section_id' => 's1', 'lesson_id' => 's2l1' ) )->status );
		$this->assertSame( 400, $this->ajax( 'mpcc_generate_lesson_content', array( 'session_id' => $id, 'section_id' => 's1' ) )->status );
		$this->assertSame( 413, $this->ajax( 'mpcc_generate_lesson_content', array( 'session_id' => $id, 'section_id' => 's1', 'lesson_id' => 's1l1', 'content' => str_repeat( 'a', 100001 ) ) )->status );
		$this->assertSame( 413, $this->ajax( 'mpcc_generate_lesson_content', array( 'session_id' => $id, 'section_id' => 's1', 'lesson_id' => 's1l1', 'instructions' => str_repeat( 'a', 8001 ) ) )->status );
		$this->assertSame( array(), $this->proxy_requests );
		$this->assertSame( array(), ( new LessonDraftRepository() )->for_session( $id ) );
	}
}
