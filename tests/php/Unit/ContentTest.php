<?php
/**
 * Quiz source text, the too-short check, and block markup for created lessons.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Unit;

use CoursesCopilot\Errors\DomainError;
use CoursesCopilot\Errors\ErrorCodes;
use CoursesCopilot\Courses\BlockMarkup;
use CoursesCopilot\Quiz\ContentCheck;
use CoursesCopilot\Quiz\QuizSource;
use PHPUnit\Framework\TestCase;

final class ContentTest extends TestCase {

	public function test_plain_text_strips_block_comments_and_tags_but_keeps_paragraphs_apart(): void {
		$text = QuizSource::plain( "<!-- wp:heading {\"level\":2} -->\n<h2>Light</h2>\n<!-- /wp:heading -->\n<!-- wp:paragraph --><p>One &amp; <strong>two</strong>.</p><!-- /wp:paragraph --><script>alert(1)</script>" );
		$this->assertSame( "Light\n\nOne & two.", $text );
	}

	public function test_too_short_content_is_refused_with_a_suggestion(): void {
		foreach ( array(
			'short'           => 'Aperture controls light.',
			'one sentence'    => str_repeat( 'word ', 60 ) . '.',
			'few characters'  => 'A b. C d. E f. G h.',
		) as $name => $text ) {
			try {
				ContentCheck::require_enough( $text );
				$this->fail( "{$name} was accepted" );
			} catch ( DomainError $error ) {
				$this->assertSame( 'mpcc_content_too_short', $error->error_code, $name );
				$this->assertSame( 422, ErrorCodes::status( $error->error_code ) );
				$this->assertStringContainsString( 'sentences', $error->extra['suggestion'] );
			}
		}
		ContentCheck::require_enough( str_repeat( 'The aperture is the opening in the lens that lets light in. ', 6 ) );
		$this->addToAssertionCount( 1 );
	}

	public function test_plain_text_becomes_paragraph_blocks_and_markup_is_kept_but_cleaned(): void {
		$this->assertSame(
			"<!-- wp:paragraph -->\n<p>First line.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Second <em>one</em>.</p>\n<!-- /wp:paragraph -->",
			BlockMarkup::from_text( "First line.\n\nSecond <em>one</em>.<script>x()</script>" )
		);
		$blocks = "<!-- wp:paragraph -->\n<p onclick=\"x()\">Hi</p>\n<!-- /wp:paragraph -->";
		$this->assertSame( "<!-- wp:paragraph -->\n<p>Hi</p>\n<!-- /wp:paragraph -->", BlockMarkup::from_text( $blocks ) );
	}
}
