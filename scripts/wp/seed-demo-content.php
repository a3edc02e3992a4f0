<?php
/**
 * The demo content a new user (and the e2e tests) start from: one course with two sections,
 * three lessons with real paragraphs, and one quiz after the last lesson. Created once.
 */
declare(strict_types=1);

// A local-site tool: never a web page (it would reset users or run code for whoever asked).
if ( 'cli' !== PHP_SAPI ) {
	http_response_code( 403 );
	exit( "Command line only.\n" );
}

if ( get_option( 'mpcc_demo_content_seeded' ) ) {
	return;
}
global $wpdb;

$paragraphs = static function ( array $texts ): string {
	return implode( "\n\n", array_map( static fn( string $t ): string => "<!-- wp:paragraph -->\n<p>" . esc_html( $t ) . "</p>\n<!-- /wp:paragraph -->", $texts ) );
};
$admin_id = (int) get_user_by( 'login', 'admin' )->ID;

$course_id = wp_insert_post( array(
	'post_type'    => 'mpcs-course',
	'post_status'  => 'publish',
	'post_author'  => $admin_id,
	'post_title'   => 'Photography Basics',
	'post_content' => $paragraphs( array( 'Learn how a camera turns light into pictures, and how to make the exposure, focus and composition choices that separate a snapshot from a photograph.' ) ),
) );

$sections_table = $wpdb->prefix . 'mpcs_sections';
$sections       = array(
	array( 'Understanding Exposure', 'Aperture, shutter speed and ISO, and how they trade against each other.' ),
	array( 'Composition', 'Where to put things in the frame, and why it matters.' ),
);
$section_ids = array();
foreach ( $sections as $order => list( $title, $description ) ) {
	$wpdb->insert( $sections_table, array(
		'title'         => $title,
		'description'   => $description,
		'course_id'     => $course_id,
		'section_order' => $order,
		'created_at'    => current_time( 'mysql' ),
		'uuid'          => wp_generate_uuid4(),
	) );
	$section_ids[] = (int) $wpdb->insert_id;
}

$lessons = array(
	array( 0, 'Aperture and Depth of Field', array(
		'The aperture is the opening in the lens that lets light reach the sensor. Its size is measured in f-stops, and a smaller f-number means a wider opening.',
		'A wide aperture such as f/1.8 lets in a lot of light and produces a shallow depth of field. Portrait photographers use it to blur the background and make the subject stand out.',
		'A narrow aperture such as f/11 lets in less light but keeps more of the scene in focus. Landscape photographers prefer it because the foreground and the mountains both stay sharp.',
	) ),
	array( 0, 'Shutter Speed and Motion', array(
		'Shutter speed is the length of time the sensor is exposed to light. It is written in fractions of a second, such as 1/1000 or 1/30.',
		'A fast shutter speed freezes motion, which is why sports photographers work at 1/1000 of a second or faster. A slow shutter speed blurs moving subjects and can turn a waterfall into silk.',
		'Below about 1/60 of a second most people cannot hold a camera steady, so a tripod or image stabilisation becomes necessary to avoid camera shake.',
	) ),
	array( 1, 'The Rule of Thirds', array(
		'The rule of thirds divides the frame into nine equal parts with two horizontal and two vertical lines. Placing the subject on one of these lines or their intersections creates a more balanced image.',
		'Horizons usually look better on the upper or lower third than across the middle of the frame. A centred horizon tends to split the picture into two competing halves.',
		'The rule is a starting point rather than a law. Symmetrical scenes and strong leading lines are good reasons to break it on purpose.',
	) ),
);
$order_in_section = array();
$last_lesson      = 0;
foreach ( $lessons as list( $section_index, $title, $texts ) ) {
	$section_id  = $section_ids[ $section_index ];
	$order       = $order_in_section[ $section_id ] = ( $order_in_section[ $section_id ] ?? 0 ) + 1;
	$last_lesson = wp_insert_post( array(
		'post_type'    => 'mpcs-lesson',
		'post_status'  => 'publish',
		'post_author'  => $admin_id,
		'post_title'   => $title,
		'post_content' => $paragraphs( $texts ),
	) );
	update_post_meta( $last_lesson, '_mpcs_lesson_section_id', $section_id );
	update_post_meta( $last_lesson, '_mpcs_lesson_lesson_order', $order );
}

$quiz_id = wp_insert_post( array(
	'post_type'   => 'mpcs-quiz',
	'post_status' => 'draft',
	'post_author' => $admin_id,
	'post_title'  => 'Composition Check',
) );
update_post_meta( $quiz_id, '_mpcs_lesson_section_id', $section_ids[1] );
update_post_meta( $quiz_id, '_mpcs_lesson_lesson_order', ( $order_in_section[ $section_ids[1] ] ?? 0 ) + 1 );

update_option( 'mpcc_demo_content_seeded', array( 'course_id' => $course_id, 'quiz_id' => $quiz_id ) );
echo "seeded the demo course #$course_id\n";
