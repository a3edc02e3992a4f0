<?php
/**
 * Removing the plugin removes what it stored: its two tables and its options.
 * MemberPress Courses' own sections table and the courses created are the user's content and stay.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/php-bridge/autoload.php';

\CoursesCopilot\Install\Installer::uninstall();
