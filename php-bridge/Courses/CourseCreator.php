<?php
/**
 * Turns a validated course structure into MemberPress Courses content, all or nothing: the course
 * (draft), its sections (rows with a uuid and section_order 0..n), its lessons (drafts with
 * `_mpcs_lesson_section_id` and `_mpcs_lesson_lesson_order` 1..n; the summary as the excerpt and
 * `duration_minutes` as DURATION_META, whether or not a draft is the content), inside one transaction the
 * caller opens. Any failure throws, and the caller's rollback leaves no post, meta or row.
 *
 * `mpcc_course_creation_step` fires after every insert (what, how many so far, id): an extension
 * point, and how the tests fail a creation after N inserts.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Courses;

defined( 'ABSPATH' ) || exit;

final class CourseCreator {

	/** A lesson's planned length in minutes (the outline's `duration_minutes`). */
	public const DURATION_META = '_mpcc_lesson_duration_minutes';

	private int $inserts = 0;

	public function __construct( private readonly Transaction $transaction, private readonly int $author_id ) {}

	/**
	 * @param array<string, mixed>  $structure validated CourseShape value
	 * @param array<string, string> $drafts    lesson id => content stored for the session (for lessons sent without content)
	 * @return array{course_id: int, sections_created: int, lessons_created: int}
	 */
	public function create( array $structure, array $drafts ): array {
		global $wpdb;
		$course_id = $this->insert_post( PostTypes::COURSE, (string) $structure['title'], BlockMarkup::from_text( (string) $structure['description'] ), 'course' );
		$sections  = 0;
		$lessons   = 0;
		foreach ( $structure['sections'] as $section_order => $section ) {
			$ok = $wpdb->insert(
				SectionsTable::name(),
				array(
					'title'         => sanitize_text_field( (string) $section['title'] ),
					'description'   => sanitize_textarea_field( (string) ( $section['description'] ?? '' ) ),
					'course_id'     => $course_id,
					'section_order' => $section_order,
					'created_at'    => current_time( 'mysql' ),
					'uuid'          => wp_generate_uuid4(),
				),
				array( '%s', '%s', '%d', '%d', '%s', '%s' )
			);
			if ( ! $ok ) {
				throw new \RuntimeException( 'inserting a section failed: ' . $wpdb->last_error );
			}
			$section_id = (int) $wpdb->insert_id;
			++$sections;
			$this->step( 'section', $section_id );
			foreach ( $section['lessons'] as $index => $lesson ) {
				// The outline as the author sees it wins; a stored draft fills a lesson sent without content.
				$content   = self::filled( $lesson['content'] ?? null ) ?? self::filled( $drafts[ $lesson['id'] ] ?? null ) ?? $lesson['summary'] ?? '';
				$lesson_id = $this->insert_post( PostTypes::LESSON, (string) $lesson['title'], BlockMarkup::from_text( (string) $content ), 'lesson', (string) ( $lesson['summary'] ?? '' ) );
				$this->add_meta( $lesson_id, CourseOutline::SECTION_META, $section_id );
				$this->add_meta( $lesson_id, CourseOutline::ORDER_META, $index + 1 );
				if ( isset( $lesson['duration_minutes'] ) ) {
					$this->add_meta( $lesson_id, self::DURATION_META, (int) $lesson['duration_minutes'] );
				}
				++$lessons;
			}
		}
		return array( 'course_id' => $course_id, 'sections_created' => $sections, 'lessons_created' => $lessons );
	}

	private static function filled( mixed $text ): ?string {
		return is_string( $text ) && '' !== trim( $text ) ? $text : null;
	}

	private function insert_post( string $post_type, string $title, string $content, string $step, string $excerpt = '' ): int {
		$post_id = wp_insert_post(
			wp_slash(
				array(
					'post_type'    => $post_type,
					'post_status'  => 'draft',
					'post_author'  => $this->author_id,
					'post_title'   => sanitize_text_field( $title ),
					'post_content' => $content,
					'post_excerpt' => sanitize_textarea_field( $excerpt ),
				)
			),
			true
		);
		if ( is_wp_error( $post_id ) || 0 === (int) $post_id ) {
			throw new \RuntimeException( 'inserting a ' . $post_type . ' failed: ' . ( is_wp_error( $post_id ) ? $post_id->get_error_message() : 'no id' ) );
		}
		$this->transaction->created_post( (int) $post_id );
		$this->step( $step, (int) $post_id );
		return (int) $post_id;
	}

	private function add_meta( int $post_id, string $key, int $value ): void {
		if ( false === add_post_meta( $post_id, $key, $value, true ) ) {
			throw new \RuntimeException( "adding {$key} to post {$post_id} failed" );
		}
		$this->step( 'meta', $post_id );
	}

	private function step( string $what, int $id ): void {
		++$this->inserts;
		do_action( 'mpcc_course_creation_step', $what, $this->inserts, $id );
	}
}
