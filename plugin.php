<?php
/**
 * Plugin Name:       Courses Copilot
 * Description:       An AI copilot for MemberPress Courses: design a course by conversation, improve lessons in the block editor, and turn lessons into quizzes.
 * Version:           0.1.0
 * Requires at least: 6.5
 * Requires PHP:      8.1
 * Author:            Courses Copilot contributors
 * License:           GPL-2.0-or-later
 * Text Domain:       courses-copilot
 * Domain Path:       /languages
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

// Before anything that needs PHP 8.1: below the header's minimums, say so instead of a fatal error.
require_once __DIR__ . '/php-bridge/Requirements.php';
$mpcc_unmet = \CoursesCopilot\Requirements::unmet( __FILE__ );
if ( array() !== $mpcc_unmet ) {
	\CoursesCopilot\Requirements::refuse( __FILE__, $mpcc_unmet );
	return;
}
unset( $mpcc_unmet );

define( 'MPCC_VERSION', '0.1.0' );
define( 'MPCC_PLUGIN_FILE', __FILE__ );

require_once __DIR__ . '/php-bridge/autoload.php';

register_activation_hook( __FILE__, array( \CoursesCopilot\Install\Installer::class, 'activate' ) );
register_deactivation_hook( __FILE__, array( \CoursesCopilot\Install\Installer::class, 'deactivate' ) );

\CoursesCopilot\Plugin::boot();
