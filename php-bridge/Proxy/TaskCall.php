<?php
/**
 * One proxy task as every action that asks the model calls it: streamed when the browser asked
 * (a Closure for the Runner to run; text deltas always pass through) or one JSON call, and the
 * answer checked before anything is kept. Model output is untrusted: a malformed answer is an
 * mpcc_ai_service_error, a malformed item inside a list is dropped.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Proxy;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;
use CoursesCopilot\Validation\Checker;
use CoursesCopilot\Validation\Result;

final class TaskCall {

	/**
	 * @param array<string, mixed>                  $body
	 * @param callable(string, mixed): ?array        $on_event the task's own intermediate events
	 * @param callable(mixed): array<string, mixed> $finish   checks and stores the answer; the reply's data
	 * @param (callable(): bool)|null                $still_wanted see StreamRelay
	 * @param array{0: string, 1: mixed}|null        $opening      see StreamRelay
	 * @return array<string, mixed>|\Closure
	 */
	public static function answer( bool $stream, string $route, array $body, callable $on_event, callable $finish, ?callable $still_wanted = null, ?array $opening = null ): array|\Closure {
		$client = ProxyClient::for_current_user();
		if ( $stream ) {
			$events = static fn( string $event, mixed $data ): ?array => self::text_delta( $event, $data ) ?? $on_event( $event, $data );
			return static fn() => StreamRelay::run( $client, $route, $body, $events, $finish, $still_wanted, $opening );
		}
		return $finish( $client->post( $route, $body ) );
	}

	/** The checked answer, or (logged for the operator) mpcc_ai_service_error. @return array<string, mixed> */
	public static function valid( Result $result, string $task ): array {
		if ( ! $result->ok() ) {
			// phpcs:ignore WordPress.PHP.DevelopmentFunctions -- operators need this; the browser gets only our code.
			error_log( "Courses Copilot: {$task} answer failed validation: " . implode( '; ', array_slice( $result->errors, 0, 5 ) ) );
			throw DomainError::ai_service_error();
		}
		return $result->value;
	}

	/**
	 * The items of a list one by one, at most $max: a malformed one is dropped, not the whole answer.
	 *
	 * @param array<int, mixed>                               $items
	 * @param callable(Checker, mixed, string): ?array<string, mixed> $check
	 * @return array<int, array<string, mixed>>
	 */
	public static function valid_items( array $items, int $max, callable $check ): array {
		$valid = array();
		foreach ( array_slice( $items, 0, $max ) as $item ) {
			$checker = new Checker();
			$value   = $check( $checker, $item, '' );
			if ( $checker->ok() && null !== $value ) {
				$valid[] = $value;
			}
		}
		return $valid;
	}

	/**
	 * Takes the list `$key` out of an answer, cleaned item by item, so the rest is checked on its own.
	 *
	 * @param callable(array<int, mixed>): array<int, array<string, mixed>> $clean
	 * @return array{0: array<int, array<string, mixed>>, 1: mixed} the items, the answer without them
	 */
	public static function take_list( mixed $response, string $key, callable $clean ): array {
		if ( ! is_object( $response ) ) {
			return array( array(), $response );
		}
		$items             = is_array( $response->{$key} ?? null ) ? $clean( $response->{$key} ) : array();
		$response          = clone $response;
		$response->{$key} = array();
		return array( $items, $response );
	}

	/** @return array{text: string}|null */
	private static function text_delta( string $event, mixed $data ): ?array {
		return 'delta' === $event && is_object( $data ) && is_string( $data->text ?? null ) ? array( 'text' => $data->text ) : null;
	}
}
