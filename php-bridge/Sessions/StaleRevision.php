<?php
/**
 * A save made from an old copy of a session: someone (another tab) saved since. Carries the
 * server's copy so the browser can offer to merge or reload.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Sessions;

defined( 'ABSPATH' ) || exit;

final class StaleRevision extends \RuntimeException {

	public function __construct( public readonly ?Session $server_copy ) {
		parent::__construct( 'stale session revision' );
	}
}
