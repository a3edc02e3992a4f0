<?php
/**
 * The plugin's minimum PHP and WordPress versions, read from plugin.php's header (one place), checked
 * before anything else loads. Below them the plugin stays dormant and says why in an admin notice,
 * instead of a fatal error on a newer-PHP construct. This file itself parses on PHP 7.0 (WordPress 6.5's
 * own minimum): no typed properties, arrow functions or PHP 8 functions here.
 *
 * @package CoursesCopilot
 */

namespace CoursesCopilot;

defined( 'ABSPATH' ) || exit;

final class Requirements {

	/**
	 * What is missing, in words for the site owner; empty when the site meets both minimums.
	 *
	 * @param string      $plugin_file plugin.php.
	 * @param string|null $php         the PHP version to check (this PHP's when null).
	 * @param string|null $wordpress   the WordPress version to check (this site's when null).
	 * @return string[]
	 */
	public static function unmet( $plugin_file, $php = null, $wordpress = null ) {
		$header    = get_file_data(
			$plugin_file,
			array(
				'php'       => 'Requires PHP',
				'wordpress' => 'Requires at least',
			)
		);
		$php       = null === $php ? PHP_VERSION : $php;
		$wordpress = null === $wordpress ? (string) $GLOBALS['wp_version'] : $wordpress;
		$problems  = array();
		if ( '' !== $header['php'] && version_compare( $php, $header['php'], '<' ) ) {
			$problems[] = sprintf(
				/* translators: 1: the PHP version the plugin needs, 2: the PHP version the site runs */
				__( 'Courses Copilot needs PHP %1$s or later; this site runs PHP %2$s. Ask your host to upgrade PHP.', 'courses-copilot' ),
				$header['php'],
				$php
			);
		}
		if ( '' !== $header['wordpress'] && version_compare( $wordpress, $header['wordpress'], '<' ) ) {
			$problems[] = sprintf(
				/* translators: 1: the WordPress version the plugin needs, 2: the WordPress version the site runs */
				__( 'Courses Copilot needs WordPress %1$s or later; this site runs WordPress %2$s. Update WordPress first.', 'courses-copilot' ),
				$header['wordpress'],
				$wordpress
			);
		}
		return $problems;
	}

	/**
	 * Keeps the plugin dormant: activation stops with the reasons, and an active plugin (PHP or
	 * WordPress downgraded under it) shows them to administrators until the site meets the minimums.
	 *
	 * @param string   $plugin_file plugin.php.
	 * @param string[] $problems    from unmet().
	 */
	public static function refuse( $plugin_file, array $problems ) {
		load_plugin_textdomain( 'courses-copilot', false, dirname( plugin_basename( $plugin_file ) ) . '/languages' );
		$message = implode( ' ', $problems );
		register_activation_hook(
			$plugin_file,
			function () use ( $message ) {
				wp_die(
					esc_html( $message ),
					esc_html__( 'Courses Copilot cannot be activated', 'courses-copilot' ),
					array( 'back_link' => true )
				);
			}
		);
		add_action(
			'admin_notices',
			function () use ( $message ) {
				if ( current_user_can( 'activate_plugins' ) ) {
					printf(
						'<div class="notice notice-error"><p><strong>%1$s</strong> %2$s</p></div>',
						esc_html__( 'Courses Copilot is inactive.', 'courses-copilot' ),
						esc_html( $message )
					);
				}
			}
		);
	}
}
