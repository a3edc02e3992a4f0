<?php
/**
 * The course structure (src/schemas/course.ts): title, description, ≤ 50 sections of ≤ 50 lessons,
 * every title non-empty. These are the creation rules: Create course and the model's answers meet
 * them. A saved session's outline is a draft (CourseDraftShape: the same shape, OutlineLimits::draft()).
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Validation;

defined( 'ABSPATH' ) || exit;

final class CourseShape {

	public const MAX_SECTIONS            = 50;
	public const MAX_LESSONS_PER_SECTION = 50;
	public const MAX_TITLE               = 200;
	public const MAX_DESCRIPTION         = 5000;
	public const MAX_LESSON_CONTENT      = 100000;

	public static function validate( mixed $input ): Result {
		$checker = new Checker();
		return Result::from( $checker, self::check( $checker, $input, '' ) );
	}

	/** @return array<string, mixed>|null */
	public static function check( Checker $c, mixed $input, string $path ): ?array {
		return self::check_with( $c, $input, $path, OutlineLimits::creation() );
	}

	/** The structure's shape under either set of limits. @return array<string, mixed>|null */
	public static function check_with( Checker $c, mixed $input, string $path, OutlineLimits $limits ): ?array {
		$fields = $c->object( $input, $path );
		if ( null === $fields ) {
			return null;
		}
		$out = array(
			'title'       => self::title( $c, $fields['title'] ?? null, Optional::join( $path, 'title' ), $limits ),
			'description' => $c->string( $fields['description'] ?? null, Optional::join( $path, 'description' ), 0, $limits->max_description ),
			'sections'    => array(),
		);
		$sections = $c->list( $fields['sections'] ?? null, Optional::join( $path, 'sections' ), 0, $limits->max_sections ) ?? array();
		$lessons  = 0;
		foreach ( $sections as $section ) {
			$list     = $section instanceof \stdClass ? ( $section->lessons ?? null ) : ( is_array( $section ) ? ( $section['lessons'] ?? null ) : null );
			$lessons += is_array( $list ) ? count( $list ) : 0;
		}
		if ( $lessons > $limits->max_lessons ) {
			$c->add( Optional::join( $path, 'sections' ), "expected at most {$limits->max_lessons} lessons in all" );
			return null;
		}
		foreach ( $sections as $i => $section ) {
			$out['sections'][] = self::section( $c, $section, Optional::join( $path, "sections.{$i}" ), $limits );
		}
		return $out;
	}

	/** Lessons in a checked structure: a course with none is not ready to create. @param array<string, mixed> $structure */
	public static function lesson_count( array $structure ): int {
		$count = 0;
		foreach ( $structure['sections'] ?? array() as $section ) {
			$count += is_array( $section ) ? count( $section['lessons'] ?? array() ) : 0;
		}
		return $count;
	}

	/** A draft keeps the title as typed (no trim); the finished course needs a non-blank one. */
	private static function title( Checker $c, mixed $value, string $path, OutlineLimits $limits ): ?string {
		return $c->string( $value, $path, $limits->min_title, $limits->max_title, $limits->min_title > 0 );
	}

	/**
	 * What sections and lessons both start with: an id and a title.
	 *
	 * @param array<string, mixed> $fields
	 * @return array<string, mixed>
	 */
	private static function identified( Checker $c, array $fields, string $path, OutlineLimits $limits ): array {
		return array(
			'id'    => $c->string( $fields['id'] ?? null, "{$path}.id", 1, 64 ),
			'title' => self::title( $c, $fields['title'] ?? null, "{$path}.title", $limits ),
		);
	}

	/** @return array<string, mixed>|null */
	private static function section( Checker $c, mixed $input, string $path, OutlineLimits $limits ): ?array {
		$fields = $c->object( $input, $path );
		if ( null === $fields ) {
			return null;
		}
		$out = self::identified( $c, $fields, $path, $limits );
		Optional::field( $fields, $out, 'description', $path, static fn( $v, $p ) => $c->string( $v, $p, 0, $limits->max_description ) );
		$out['lessons'] = array();
		$lessons        = $c->list( $fields['lessons'] ?? null, "{$path}.lessons", 0, $limits->max_lessons_per_section ) ?? array();
		foreach ( $lessons as $i => $lesson ) {
			$out['lessons'][] = self::lesson( $c, $lesson, "{$path}.lessons.{$i}", $limits );
		}
		return $out;
	}

	/** @return array<string, mixed>|null */
	private static function lesson( Checker $c, mixed $input, string $path, OutlineLimits $limits ): ?array {
		$fields = $c->object( $input, $path );
		if ( null === $fields ) {
			return null;
		}
		$out = self::identified( $c, $fields, $path, $limits );
		Optional::field( $fields, $out, 'summary', $path, static fn( $v, $p ) => $c->string( $v, $p, 0, $limits->max_description ) );
		Optional::field( $fields, $out, 'content', $path, static fn( $v, $p ) => $c->string( $v, $p, 0, $limits->max_lesson_content ) );
		Optional::field( $fields, $out, 'duration_minutes', $path, static fn( $v, $p ) => $c->int( $v, $p, 1, 1440 ) );
		return $out;
	}
}
