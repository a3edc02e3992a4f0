/**
 * The config of @wordpress/scripts, with our explicit entries: one bundle per surface, plus the question blocks.
 * WordPress packages stay external (wp.* globals) through the dependency extraction plugin it includes.
 */
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

const base = Array.isArray( defaultConfig )
	? defaultConfig[ 0 ]
	: defaultConfig;

module.exports = {
	...base,
	entry: {
		'course-editor/index': path.resolve(
			__dirname,
			'src/entries/course-editor.tsx'
		),
		'assistant-sidebar/index': path.resolve(
			__dirname,
			'src/entries/assistant-sidebar.tsx'
		),
		'quiz-modal/index': path.resolve(
			__dirname,
			'src/entries/quiz-modal.tsx'
		),
		'question-blocks/index': path.resolve( __dirname, 'blocks/index.ts' ),
	},
	output: {
		...base.output,
		path: path.resolve( __dirname, 'build' ),
	},
};
