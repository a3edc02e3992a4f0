<?php
declare(strict_types=1);

namespace CoursesCopilot\Tests\Unit;

use CoursesCopilot\Proxy\SseParser;
use PHPUnit\Framework\TestCase;

final class SseParserTest extends TestCase {

	public function test_events_split_across_chunks_come_out_whole_and_in_order(): void {
		$stream = "event: delta\ndata: {\"text\":\"Hel\"}\n\n: keep-alive\n\nevent: delta\r\ndata: {\"text\":\"lo\"}\r\n\r\nevent: done\ndata: {\"message\":\"Hello\"}\n\n";
		$parser = new SseParser();
		$events = array();
		foreach ( str_split( $stream, 7 ) as $chunk ) {
			array_push( $events, ...$parser->feed( $chunk ) );
		}
		array_push( $events, ...$parser->finish() );
		$this->assertSame( array( 'delta', 'delta', 'done' ), array_column( $events, 0 ) );
		$this->assertSame( 'lo', $events[1][1]->text );
		$this->assertSame( 'Hello', $events[2][1]->message );
	}

	public function test_a_last_event_without_its_blank_line_is_not_lost(): void {
		$parser = new SseParser();
		$this->assertSame( array(), $parser->feed( "event: done\ndata: {\"a\":1}" ) );
		$events = $parser->finish();
		$this->assertSame( 'done', $events[0][0] );
		$this->assertSame( 1, $events[0][1]->a );
	}
}
