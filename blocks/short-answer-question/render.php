<?php
/**
 * Front end of courses-copilot/short-answer-question: the question and its answer fields only. The correct
 * answer and explanation stay in the block's attributes (see QuestionRenderer).
 *
 * @package CoursesCopilot
 *
 * @var array<string, mixed> $attributes
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

echo \CoursesCopilot\Blocks\QuestionRenderer::render( 'short_answer', $attributes ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped in QuestionRenderer.
