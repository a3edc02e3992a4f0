<?php
/**
 * Settings → Courses Copilot: where the proxy is, its token (write-only, never printed back),
 * the daily quota per role, and a "Test connection" button that asks the proxy's /healthz from PHP.
 * Constants in wp-config.php (MPCC_PROXY_URL, MPCC_PROXY_TOKEN) win and lock their fields.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Settings;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Proxy\ProxySettings;

final class SettingsPage {

	public const SLUG        = 'mpcc-settings';
	private const GROUP      = 'mpcc_settings_group';
	private const TEST_ACTION = 'mpcc_test_connection';

	public static function register(): void {
		add_action( 'admin_init', array( self::class, 'register_setting' ) );
		add_action( 'admin_menu', array( self::class, 'add_page' ) );
		add_action( 'admin_post_' . self::TEST_ACTION, array( self::class, 'test_connection' ) );
	}

	public static function register_setting(): void {
		register_setting( self::GROUP, ProxySettings::OPTION, array( 'type' => 'array', 'sanitize_callback' => array( SettingsStore::class, 'sanitize' ) ) );
	}

	public static function add_page(): void {
		add_options_page( __( 'Courses Copilot', 'courses-copilot' ), __( 'Courses Copilot', 'courses-copilot' ), 'manage_options', self::SLUG, array( self::class, 'render' ) );
	}

	public static function render(): void {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$settings   = SettingsStore::get();
		$url_locked = ( defined( 'MPCC_PROXY_URL' ) && '' !== (string) MPCC_PROXY_URL ) || ProxySettings::url_is_network_level();
		$tok_locked = defined( 'MPCC_PROXY_TOKEN' );
		$has_token  = '' !== ProxySettings::token();
		$name       = ProxySettings::OPTION;
		?>
		<div class="wrap">
			<h1><?php esc_html_e( 'Courses Copilot', 'courses-copilot' ); ?></h1>
			<?php self::render_test_result(); ?>
			<form method="post" action="<?php echo esc_url( admin_url( 'options.php' ) ); ?>">
				<?php settings_fields( self::GROUP ); ?>
				<table class="form-table" role="presentation">
					<tr>
						<th scope="row"><label for="mpcc-proxy-url"><?php esc_html_e( 'Proxy URL', 'courses-copilot' ); ?></label></th>
						<td>
							<input type="url" class="regular-text" id="mpcc-proxy-url" name="<?php echo esc_attr( $name ); ?>[proxy_url]" value="<?php echo esc_attr( $url_locked ? ProxySettings::url() : $settings['proxy_url'] ); ?>" placeholder="<?php echo esc_attr( ProxySettings::DEFAULT_URL ); ?>" <?php disabled( $url_locked ); ?> />
							<?php if ( defined( 'MPCC_PROXY_URL' ) && '' !== (string) MPCC_PROXY_URL ) : ?>
								<p class="description"><?php esc_html_e( 'Set by MPCC_PROXY_URL in wp-config.php.', 'courses-copilot' ); ?></p>
							<?php elseif ( $url_locked ) : ?>
								<p class="description"><?php esc_html_e( 'The proxy token is set for the whole network in wp-config.php, so the proxy URL is too: set MPCC_PROXY_URL there.', 'courses-copilot' ); ?></p>
							<?php endif; ?>
						</td>
					</tr>
					<tr>
						<th scope="row"><label for="mpcc-proxy-token"><?php esc_html_e( 'Proxy token', 'courses-copilot' ); ?></label></th>
						<td>
							<input type="password" class="regular-text" id="mpcc-proxy-token" name="<?php echo esc_attr( $name ); ?>[proxy_token]" value="" autocomplete="new-password" placeholder="<?php echo esc_attr( $has_token ? '••••••••' : '' ); ?>" <?php disabled( $tok_locked ); ?> />
							<p class="description">
								<?php
								if ( $tok_locked ) {
									esc_html_e( 'Set by MPCC_PROXY_TOKEN in wp-config.php.', 'courses-copilot' );
								} elseif ( $has_token ) {
									esc_html_e( 'A token is saved. Leave this empty to keep it.', 'courses-copilot' );
								} else {
									esc_html_e( 'The MPCC_PROXY_TOKEN the proxy was started with.', 'courses-copilot' );
								}
								?>
							</p>
							<?php if ( $has_token && ! $tok_locked ) : ?>
								<label><input type="checkbox" name="<?php echo esc_attr( $name ); ?>[clear_token]" value="1" /> <?php esc_html_e( 'Remove the saved token', 'courses-copilot' ); ?></label>
							<?php endif; ?>
						</td>
					</tr>
					<tr>
						<th scope="row"><?php esc_html_e( 'Daily requests per user', 'courses-copilot' ); ?></th>
						<td>
							<fieldset>
								<?php foreach ( wp_roles()->roles as $role => $details ) : ?>
									<?php
									if ( empty( $details['capabilities']['edit_posts'] ) ) {
										continue;
									}
									?>
									<label style="display:block;margin-bottom:4px">
										<input type="number" min="0" step="1" class="small-text" name="<?php echo esc_attr( $name ); ?>[quotas][<?php echo esc_attr( $role ); ?>]" value="<?php echo esc_attr( (string) ( $settings['quotas'][ $role ] ?? 0 ) ); ?>" />
										<?php echo esc_html( translate_user_role( $details['name'] ) ); ?>
									</label>
								<?php endforeach; ?>
								<p class="description"><?php esc_html_e( 'AI requests each user of the role may make per day (0 = no limit). The proxy has its own per-minute limits as well.', 'courses-copilot' ); ?></p>
							</fieldset>
						</td>
					</tr>
				</table>
				<?php submit_button(); ?>
			</form>
			<form method="post" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>">
				<input type="hidden" name="action" value="<?php echo esc_attr( self::TEST_ACTION ); ?>" />
				<?php wp_nonce_field( self::TEST_ACTION ); ?>
				<?php submit_button( __( 'Test connection', 'courses-copilot' ), 'secondary', 'submit', false ); ?>
			</form>
		</div>
		<?php
	}

	/** admin-post handler: asks /healthz and shows the answer once on the page. */
	public static function test_connection(): void {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'You are not allowed to do that.', 'courses-copilot' ), 403 );
		}
		check_admin_referer( self::TEST_ACTION );
		set_transient( 'mpcc_connection_test_' . get_current_user_id(), ConnectionTest::run(), 60 );
		wp_safe_redirect( admin_url( 'options-general.php?page=' . self::SLUG ) );
		exit;
	}

	private static function render_test_result(): void {
		$key    = 'mpcc_connection_test_' . get_current_user_id();
		$result = get_transient( $key );
		if ( ! is_array( $result ) ) {
			return;
		}
		delete_transient( $key );
		$class = $result['ok'] ? 'notice-success' : 'notice-error';
		printf( '<div class="notice %s mpcc-connection-test" role="%s"><p>%s</p></div>', esc_attr( $class ), $result['ok'] ? 'status' : 'alert', esc_html( (string) $result['message'] ) );
	}
}
