<?php
/**
 * A lesson's section names a course (issue 12, findings 2 and 3): an author may not file a lesson
 * or quiz under another user's course, and nothing of a course the user may not read or edit
 * reaches them through the assistant's context, "Create quiz" placement or the quiz editor's
 * sources. The admin's course here is private, as in the review.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Blocks\QuizEditorContext;
use CoursesCopilot\Courses\CourseOutline;
use CoursesCopilot\Courses\SectionsTable;
use CoursesCopilot\Quiz\QuizSource;
use CoursesCopilot\Tests\Support\TestCase;

final class SectionAccessTest extends TestCase {

	private const AUTHORS_TEXT = 'The author wrote this lesson about tomatoes, and it explains how to grow them on a sunny balcony. It has several sentences. Each one is useful.';

	/** The admin's private course: one section, one draft lesson. @return array{course: int, section: int, lesson: int} */
	private function admins_private_course(): array {
		$this->act_as( null );
		$admin   = self::user_id( 'admin' );
		$course  = (int) wp_insert_post( array( 'post_type' => 'mpcs-course', 'post_status' => 'private', 'post_author' => $admin, 'post_title' => 'Admin Private Course' ) );
		$section = $this->section( $course, 'Admin Secret Section' );
		$lesson  = (int) wp_insert_post( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'draft', 'post_author' => $admin, 'post_title' => 'Admin Draft Lesson', 'post_content' => "<!-- wp:paragraph -->\n<p>The admin's own words about the course, long enough to quiz from. It has several sentences. Each one matters.</p>\n<!-- /wp:paragraph -->" ) );
		update_post_meta( $lesson, CourseOutline::SECTION_META, $section );
		update_post_meta( $lesson, CourseOutline::ORDER_META, 1 );
		return array( 'course' => $course, 'section' => $section, 'lesson' => $lesson );
	}

	/** A lesson of the author's, optionally already in a section (as data from before the fix would be). */
	private function authors_lesson( int $section = 0, string $status = 'draft' ): int {
		$this->act_as( null );
		$lesson = (int) wp_insert_post( array( 'post_type' => 'mpcs-lesson', 'post_status' => $status, 'post_author' => self::user_id( 'author' ), 'post_title' => 'Author Tomato Lesson', 'post_content' => "<!-- wp:paragraph -->\n<p>" . self::AUTHORS_TEXT . "</p>\n<!-- /wp:paragraph -->" ) );
		if ( $section > 0 ) {
			update_post_meta( $lesson, CourseOutline::SECTION_META, $section );
			update_post_meta( $lesson, CourseOutline::ORDER_META, 2 );
		}
		return $lesson;
	}

	private function section( int $course, string $title ): int {
		global $wpdb;
		$wpdb->insert( SectionsTable::name(), array( 'title' => $title, 'description' => '', 'course_id' => $course, 'section_order' => 0, 'created_at' => current_time( 'mysql' ), 'uuid' => wp_generate_uuid4() ) );
		return (int) $wpdb->insert_id;
	}

	/** @param array<string, mixed> $body */
	private function rest( string $login, string $method, string $route, array $body = array() ): \WP_REST_Response {
		$this->act_as( $login );
		$request = new \WP_REST_Request( $method, $route );
		if ( array() !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		}
		return rest_do_request( $request );
	}

	public function test_an_author_cannot_file_a_lesson_or_quiz_under_another_users_course_over_rest(): void {
		$admin = $this->admins_private_course();
		$meta  = array( CourseOutline::SECTION_META => $admin['section'] );

		$created = $this->rest( 'author', 'POST', '/wp/v2/mpcs-lesson', array( 'title' => 'Sneaky', 'status' => 'draft', 'content' => self::AUTHORS_TEXT, 'meta' => $meta ) );
		$this->assertSame( 403, $created->get_status(), (string) wp_json_encode( $created->get_data() ) );
		$this->assertSame( 'mpcc_forbidden_section', $created->get_data()['code'] );
		$this->assertSame( array(), get_posts( array( 'post_type' => 'mpcs-lesson', 'title' => 'Sneaky', 'post_status' => 'any' ) ), 'nothing was saved' );

		$own     = $this->authors_lesson();
		$updated = $this->rest( 'author', 'POST', "/wp/v2/mpcs-lesson/{$own}", array( 'meta' => $meta ) );
		$this->assertSame( 403, $updated->get_status() );
		$this->assertSame( 0, CourseOutline::section_id( $own ) );

		$quiz = $this->rest( 'author', 'POST', '/wp/v2/mpcs-quiz', array( 'title' => 'Sneaky quiz', 'status' => 'draft', 'meta' => $meta ) );
		$this->assertSame( 403, $quiz->get_status() );

		// Every other way of writing the meta refuses it too.
		$this->act_as( 'author' );
		$this->assertFalse( update_post_meta( $own, CourseOutline::SECTION_META, $admin['section'] ) );
		$this->assertSame( 0, CourseOutline::section_id( $own ) );

		// So the admin's whole-course quiz is still written from the admin's lessons only.
		$this->act_as( 'admin' );
		$this->assertStringNotContainsString( 'tomatoes', QuizSource::from_course( $admin['course'] ) );
		$this->assertSame( array( $admin['lesson'] ), array_map( static fn( $p ) => $p->ID, CourseOutline::lessons( $admin['course'] ) ) );
	}

	public function test_a_section_of_a_course_the_user_can_edit_is_accepted(): void {
		$this->act_as( 'author' );
		$course  = (int) wp_insert_post( array( 'post_type' => 'mpcs-course', 'post_status' => 'draft', 'post_title' => 'Author Course' ) );
		$section = $this->section( $course, 'Author Section' );
		$created = $this->rest( 'author', 'POST', '/wp/v2/mpcs-lesson', array( 'title' => 'Placed', 'status' => 'draft', 'meta' => array( CourseOutline::SECTION_META => $section ) ) );
		$this->assertSame( 201, $created->get_status(), (string) wp_json_encode( $created->get_data() ) );
		$this->assertSame( $section, CourseOutline::section_id( (int) $created->get_data()['id'] ) );
		// An editor may move it into the admin's course: editors edit every course.
		$admin = $this->admins_private_course();
		$moved = $this->rest( 'editor', 'POST', '/wp/v2/mpcs-lesson/' . $created->get_data()['id'], array( 'meta' => array( CourseOutline::SECTION_META => $admin['section'] ) ) );
		$this->assertSame( 200, $moved->get_status(), (string) wp_json_encode( $moved->get_data() ) );
		$this->assertSame( $admin['section'], CourseOutline::section_id( (int) $created->get_data()['id'] ) );
	}

	public function test_the_assistant_names_a_course_only_to_a_user_who_may_read_it(): void {
		$admin  = $this->admins_private_course();
		$lesson = $this->authors_lesson( $admin['section'] );
		$this->fake_proxy( array( self::class, 'canned_reply' ) );
		$fields = array( 'post_id' => $lesson, 'post_type' => 'mpcs-lesson', 'message' => 'Tighten this.', 'context' => array( 'title' => 'Author Tomato Lesson', 'content' => '' ) );

		$response = $this->ajax( 'mpcc_editor_ai_chat', $fields, 'author' );
		$this->assertSame( 200, $response->status, $response->body );
		$this->assertArrayNotHasKey( 'course_title', $response->data()['context'] );
		$this->assertArrayNotHasKey( 'section_title', $response->data()['context'] );
		$sent = (string) wp_json_encode( $this->proxy_requests[0]['body'] );
		$this->assertStringNotContainsString( 'Admin Private Course', $sent );
		$this->assertStringNotContainsString( 'Admin Secret Section', $sent );

		// The admin, who may read the course, gets both for the same lesson.
		$response = $this->ajax( 'mpcc_editor_ai_chat', $fields, 'admin' );
		$this->assertSame( 'Admin Private Course', $response->data()['context']['course_title'] );
		$this->assertSame( 'Admin Secret Section', $response->data()['context']['section_title'] );
	}

	public function test_create_quiz_refuses_a_lesson_in_a_course_the_user_cannot_edit(): void {
		$admin  = $this->admins_private_course();
		$lesson = $this->authors_lesson( $admin['section'] );
		update_post_meta( $admin['lesson'], CourseOutline::ORDER_META, 5 );

		$response = $this->ajax( 'mpcc_create_quiz_from_lesson', array( 'lesson_id' => $lesson ), 'author' );
		$this->assertSame( 403, $response->status, $response->body );
		$this->assertSame( 'mpcc_forbidden', $response->code() );
		$this->assertSame( 5, CourseOutline::order( $admin['lesson'] ), "the admin's lesson was not renumbered" );
		$this->assertSame( array(), get_posts( array( 'post_type' => 'mpcs-quiz', 'author' => self::user_id( 'author' ), 'post_status' => 'any' ) ), 'no quiz was made' );
	}

	public function test_the_quiz_editor_offers_only_a_course_and_lessons_the_user_can_edit(): void {
		$admin = $this->admins_private_course();
		// The author's quiz, filed (before the fix) in the admin's course.
		$this->act_as( null );
		$quiz = (int) wp_insert_post( array( 'post_type' => 'mpcs-quiz', 'post_status' => 'draft', 'post_author' => self::user_id( 'author' ), 'post_title' => 'Author Quiz' ) );
		update_post_meta( $quiz, CourseOutline::SECTION_META, $admin['section'] );

		$this->act_as( 'author' );
		$context = QuizEditorContext::for_quiz( $quiz );
		$this->assertSame( 0, $context['courseId'] );
		$this->assertSame( '', $context['courseTitle'] );
		$this->assertNotContains( 'Admin Draft Lesson', array_column( $context['lessons'], 'title' ) );

		$this->act_as( 'admin' );
		$context = QuizEditorContext::for_quiz( $quiz );
		$this->assertSame( $admin['course'], $context['courseId'] );
		$this->assertSame( array( 'Admin Draft Lesson' ), array_column( $context['lessons'], 'title' ) );
	}

	public function test_a_contributors_quiz_editor_lists_only_lessons_they_can_edit(): void {
		$this->admins_private_course();
		$this->authors_lesson( 0, 'pending' );
		$contributor = self::user_id( 'contributor' );
		$this->act_as( null );
		$theirs = (int) wp_insert_post( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'draft', 'post_author' => $contributor, 'post_title' => 'Contributor Own Draft' ) );
		$quiz   = (int) wp_insert_post( array( 'post_type' => 'mpcs-quiz', 'post_status' => 'draft', 'post_author' => $contributor, 'post_title' => 'Contributor Quiz' ) );

		$this->act_as( 'contributor' );
		$lessons = QuizEditorContext::for_quiz( $quiz )['lessons'];
		$this->assertSame( array( $theirs ), array_column( $lessons, 'id' ) );

		// An editor still sees everyone's recent lessons, each with its course's title when it has one.
		$this->act_as( 'editor' );
		$courses = array_column( QuizEditorContext::for_quiz( $quiz )['lessons'], 'course', 'title' );
		$this->assertArrayHasKey( 'Admin Draft Lesson', $courses );
		$this->assertArrayHasKey( 'Author Tomato Lesson', $courses );
		$this->assertSame( '', $courses['Contributor Own Draft'], 'a lesson in no course' );
		$this->assertSame( 'Private: Admin Private Course', $courses['Admin Draft Lesson'], 'a lesson in a course the editor may read' );
	}
}
