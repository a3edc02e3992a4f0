<?php
/**
 * Server-Sent Events from the proxy, cut into events as chunks arrive (a chunk may hold half an
 * event or several). Each event's data is JSON; undecodable data is passed on as null.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Proxy;

defined( 'ABSPATH' ) || exit;

final class SseParser {

	private string $buffer = '';

	/** @return array<int, array{0: string, 1: mixed}> [event name, decoded data] */
	public function feed( string $chunk ): array {
		$this->buffer .= str_replace( array( "\r\n", "\r" ), "\n", $chunk );
		$events        = array();
		while ( false !== ( $end = strpos( $this->buffer, "\n\n" ) ) ) {
			$block        = substr( $this->buffer, 0, $end );
			$this->buffer = substr( $this->buffer, $end + 2 );
			$event        = self::parse_block( $block );
			if ( null !== $event ) {
				$events[] = $event;
			}
		}
		return $events;
	}

	/** Whatever is left when the stream ends (a last event without its blank line). @return array<int, array{0: string, 1: mixed}> */
	public function finish(): array {
		$rest         = $this->buffer;
		$this->buffer = '';
		$event        = '' === trim( $rest ) ? null : self::parse_block( $rest );
		return null === $event ? array() : array( $event );
	}

	/** @return array{0: string, 1: mixed}|null */
	private static function parse_block( string $block ): ?array {
		$name = 'message';
		$data = array();
		foreach ( explode( "\n", $block ) as $line ) {
			if ( '' === $line || str_starts_with( $line, ':' ) ) {
				continue; // Comments keep the connection alive; nothing to relay.
			}
			list( $field, $value ) = array_pad( explode( ':', $line, 2 ), 2, '' );
			$value                 = str_starts_with( $value, ' ' ) ? substr( $value, 1 ) : $value;
			if ( 'event' === $field ) {
				$name = $value;
			} elseif ( 'data' === $field ) {
				$data[] = $value;
			}
		}
		if ( array() === $data ) {
			return null;
		}
		return array( $name, json_decode( implode( "\n", $data ), false, 64 ) );
	}
}
