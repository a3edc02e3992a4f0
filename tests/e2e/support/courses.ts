/**
 * Courses, lessons, quizzes and authors made straight in a test site's database, so a test has its
 * own and does not disturb the seeded course that other specs use at the same time.
 */
import type { TestInfo } from '@playwright/test';
import { PASSWORD, wpEval, type Site } from './fixtures';

/** A fresh published post of `postType` (tests stay independent of each other and of the seed). */
export function createPost(
	site: Site,
	postType: string,
	title: string,
	content: string
): number {
	return wpEval< number >(
		site,
		`return (int) wp_insert_post( array(
			'post_type'    => '${ postType }',
			'post_status'  => 'publish',
			'post_title'   => ${ JSON.stringify( title ) },
			'post_content' => ${ JSON.stringify( content ) },
		) );`
	);
}

/**
 * A course with sections of lessons (each with a paragraph), made directly in the database. Dated
 * long ago, so they sort after the seeded posts on the admin lists other specs page through.
 */
export function makeCourse(
	site: Site,
	title: string,
	sections: string[][]
): { courseId: number; sectionIds: number[]; lessonIds: number[][] } {
	return wpEval(
		site,
		`
		global $wpdb;
		$long_ago = '2001-01-01 00:00:00';
		$course = wp_insert_post( array( 'post_type' => 'mpcs-course', 'post_status' => 'draft', 'post_date' => $long_ago, 'post_title' => ${ JSON.stringify( title ) } ) );
		$sections = array(); $lessons = array();
		foreach ( json_decode( ${ JSON.stringify( JSON.stringify( sections ) ) }, true ) as $s => $titles ) {
			$wpdb->insert( $wpdb->prefix . 'mpcs_sections', array( 'title' => 'Section ' . ( $s + 1 ), 'description' => '', 'course_id' => $course, 'section_order' => $s, 'created_at' => current_time( 'mysql' ), 'uuid' => wp_generate_uuid4() ) );
			$section = (int) $wpdb->insert_id; $sections[] = $section; $ids = array();
			foreach ( $titles as $i => $lesson_title ) {
				$id = wp_insert_post( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'publish', 'post_date' => $long_ago, 'post_title' => $lesson_title,
					'post_content' => "<!-- wp:paragraph -->\\n<p>" . esc_html( $lesson_title ) . " explains how light, time and sensitivity work together. A photographer balances them to expose a picture well, and each choice changes how the picture looks.</p>\\n<!-- /wp:paragraph -->" ) );
				update_post_meta( $id, '_mpcs_lesson_section_id', $section );
				update_post_meta( $id, '_mpcs_lesson_lesson_order', $i + 1 );
				$ids[] = $id;
			}
			$lessons[] = $ids;
		}
		return array( 'courseId' => $course, 'sectionIds' => $sections, 'lessonIds' => $lessons );
	`
	);
}

/** Every lesson and quiz of a section, in order. */
export function sectionItems( site: Site, section: number ) {
	return wpEval< Array< { id: number; type: string; order: number } > >(
		site,
		`$items = get_posts( array( 'post_type' => array( 'mpcs-lesson', 'mpcs-quiz' ), 'post_status' => 'any', 'numberposts' => -1,
			'meta_key' => '_mpcs_lesson_section_id', 'meta_value' => ${ section } ) );
		$out = array_map( fn( $p ) => array( 'id' => $p->ID, 'type' => $p->post_type, 'order' => (int) get_post_meta( $p->ID, '_mpcs_lesson_lesson_order', true ) ), $items );
		usort( $out, fn( $a, $b ) => $a['order'] <=> $b['order'] );
		return $out;`
	);
}

/**
 * An administrator of the test's own (so its sessions are its own: its conversations are emptied
 * each time), with the given user meta. One per name and WordPress version.
 */
export function makeUser(
	site: Site,
	testInfo: TestInfo,
	name: string,
	meta: Record< string, string > = {}
): { login: string; id: number } {
	const login = `gaps-${ name }-${ testInfo.project.name.replace( /\W/g, '' ) }`;
	const id = wpEval< number >(
		site,
		`global $wpdb;
		$user = get_user_by( 'login', ${ JSON.stringify( login ) } );
		$id = $user ? $user->ID : wp_insert_user( array( 'user_login' => ${ JSON.stringify( login ) }, 'user_pass' => ${ JSON.stringify( PASSWORD ) }, 'user_email' => ${ JSON.stringify( login ) } . '@example.test', 'role' => 'administrator' ) );
		$wpdb->delete( $wpdb->prefix . 'mpcc_conversations', array( 'user_id' => $id ) );
		foreach ( json_decode( ${ JSON.stringify( JSON.stringify( meta ) ) }, true ) as $key => $value ) { update_user_meta( $id, $key, $value ); }
		return (int) $id;`
	);
	return { login, id };
}
