<?php
/**
 * Thrown by the test's wp_die ajax handler: where a real request would end, the test gets control back.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Support;

final class AjaxDied extends \Exception {}
