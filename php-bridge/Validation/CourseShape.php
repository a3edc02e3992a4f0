<?php
/**
 * The course structure (src/schemas/course.ts): title, description, ≤ 50 sections of ≤ 50 lessons.
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
		$fields = $c->object( $input, $path );
		if ( null === $fields ) {
			return null;
		}
		$out = array(
			'title'       => $c->string( $fields['title'] ?? null, Optional::join( $path, 'title' ), 1, self::MAX_TITLE, true ),
			'description' => $c->string( $fields['description'] ?? null, Optional::join( $path, 'description' ), 0, self::MAX_DESCRIPTION ),
			'sections'    => array(),
		);
		$sections = $c->list( $fields['sections'] ?? null, Optional::join( $path, 'sections' ), 0, self::MAX_SECTIONS ) ?? array();
		foreach ( $sections as $i => $section ) {
			$out['sections'][] = self::section( $c, $section, Optional::join( $path, "sections.{$i}" ) );
		}
		return $out;
	}

	/** @return array<string, mixed>|null */
	private static function section( Checker $c, mixed $input, string $path ): ?array {
		$fields = $c->object( $input, $path );
		if ( null === $fields ) {
			return null;
		}
		$out = array(
			'id'    => $c->string( $fields['id'] ?? null, "{$path}.id", 1, 64 ),
			'title' => $c->string( $fields['title'] ?? null, "{$path}.title", 1, self::MAX_TITLE, true ),
		);
		Optional::field( $fields, $out, 'description', $path, static fn( $v, $p ) => $c->string( $v, $p, 0, self::MAX_DESCRIPTION ) );
		$out['lessons'] = array();
		$lessons        = $c->list( $fields['lessons'] ?? null, "{$path}.lessons", 0, self::MAX_LESSONS_PER_SECTION ) ?? array();
		foreach ( $lessons as $i => $lesson ) {
			$out['lessons'][] = self::lesson( $c, $lesson, "{$path}.lessons.{$i}" );
		}
		return $out;
	}

	/** @return array<string, mixed>|null */
	private static function lesson( Checker $c, mixed $input, string $path ): ?array {
		$fields = $c->object( $input, $path );
		if ( null === $fields ) {
			return null;
		}
		$out = array(
			'id'    => $c->string( $fields['id'] ?? null, "{$path}.id", 1, 64 ),
			'title' => $c->string( $fields['title'] ?? null, "{$path}.title", 1, self::MAX_TITLE, true ),
		);
		Optional::field( $fields, $out, 'summary', $path, static fn( $v, $p ) => $c->string( $v, $p, 0, self::MAX_DESCRIPTION ) );
		Optional::field( $fields, $out, 'content', $path, static fn( $v, $p ) => $c->string( $v, $p, 0, self::MAX_LESSON_CONTENT ) );
		Optional::field( $fields, $out, 'duration_minutes', $path, static fn( $v, $p ) => $c->int( $v, $p, 1, 1440 ) );
		return $out;
	}
}
