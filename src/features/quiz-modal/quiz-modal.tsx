/**
 * The Quiz AI modal: choose a source and options, generate (questions appear as they stream in),
 * review and edit the preview list, then insert the selected questions as blocks.
 */
import { __, _n, sprintf } from '@wordpress/i18n';
import { useState } from '@wordpress/element';
import { Button, Modal } from '@wordpress/components';
import { useDispatch, useRegistry, useSelect } from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';
import { store as quizStore } from '../../store/quiz';
import type { QuizSourceInput } from '../../api/types';
import { getConfig } from '../../api/config';
import { questionProblem } from '../../../blocks/shared/question-fields';
import { SourceFields, type SourceDraft } from './source-fields';
import { OptionsFields } from './options-fields';
import { GenerationError, GenerationStatus } from './generation-status';
import { QuestionCard } from './question-card';
import { QualityScore } from './quality-score';
import { insertQuestions, quizQuestionTexts } from './question-block-adapter';
import { ConfirmDialog } from '../../components/confirm-dialog';
import type { QuizCourseContext } from './surface';

export interface QuizModalProps {
	context: QuizCourseContext;
	quizId: number;
	onClose: () => void;
}

/** The picker's draft → the bridge's source, or null while incomplete. */
export function sourceFromDraft(
	draft: SourceDraft,
	context: QuizCourseContext
): QuizSourceInput | null {
	switch ( draft.mode ) {
		case 'lesson':
			return draft.lessonId ? { lesson_id: draft.lessonId } : null;
		case 'course':
			return context.courseId ? { course_id: context.courseId } : null;
		default:
			return draft.content.trim()
				? { content: draft.content.trim() }
				: null;
	}
}

/** The picker's first state: the store's source when there is one (reopening), else the context's. */
export function initialDraft(
	source: QuizSourceInput | null,
	context: QuizCourseContext
): SourceDraft {
	if ( source && 'lesson_id' in source ) {
		return { mode: 'lesson', lessonId: source.lesson_id, content: '' };
	}
	if ( source && 'course_id' in source && context.courseId ) {
		return { mode: 'course', lessonId: 0, content: '' };
	}
	if ( source && 'content' in source ) {
		return { mode: 'content', lessonId: 0, content: source.content };
	}
	if ( context.lessons.length ) {
		return { mode: 'lesson', lessonId: 0, content: '' };
	}
	return { mode: 'content', lessonId: 0, content: '' };
}

export function QuizModal( { context, quizId, onClose }: QuizModalProps ) {
	const registry = useRegistry();
	const {
		source,
		options,
		questions,
		selected,
		request,
		generating,
		meta,
		editedCount,
	} = useSelect( ( select ) => {
		const quiz = select( quizStore );
		return {
			source: quiz.getSource(),
			options: quiz.getOptions(),
			questions: quiz.getQuestions(),
			selected: quiz.getSelectedQuestions(),
			request: quiz.getRequest(),
			generating: quiz.isGenerating(),
			meta: quiz.getMeta(),
			editedCount: quiz.getEditedCount(),
		};
	}, [] );
	const {
		setOptions,
		setSource,
		generateQuiz,
		stopGeneration,
		selectAll,
		selectNone,
		reset,
	} = useDispatch( quizStore );
	const { createSuccessNotice } = useDispatch( noticesStore );
	const [ draft, setDraft ] = useState( () =>
		initialDraft( source, context )
	);
	const [ inserting, setInserting ] = useState( false );
	const [ confirmingReplace, setConfirmingReplace ] = useState( false );

	const draftSource = sourceFromDraft( draft, context );
	const invalid = selected.filter( ( q ) => questionProblem( q ) );
	const canInsert =
		selected.length > 0 && ! invalid.length && ! generating && ! inserting;

	const onDraft = ( next: SourceDraft ) => {
		setDraft( next );
		setSource( sourceFromDraft( next, context ) );
	};
	const generate = () => {
		setConfirmingReplace( false );
		if ( draftSource ) {
			generateQuiz( {
				source: draftSource,
				existingQuestions: quizQuestionTexts( registry ),
			} );
		}
	};
	// Generating again replaces the whole preview: hand edits are not thrown away without asking.
	const generateAgain = () =>
		editedCount > 0 ? setConfirmingReplace( true ) : generate();
	const close = () => {
		if ( generating ) {
			stopGeneration();
		}
		onClose();
	};
	const insert = async () => {
		if ( ! canInsert ) {
			return;
		}
		setInserting( true );
		try {
			const ids = await insertQuestions( registry, selected, { quizId } );
			createSuccessNotice(
				sprintf(
					/* translators: %d: number of questions */
					_n(
						'%d question added to the quiz. Save the quiz to keep it.',
						'%d questions added to the quiz. Save the quiz to keep them.',
						ids.length,
						'courses-copilot'
					),
					ids.length
				),
				{ type: 'snackbar', id: 'mpcc-quiz-inserted' }
			);
			reset();
			onClose();
		} finally {
			setInserting( false );
		}
	};

	// The latest reply's word on the provider, once there is one; before that, what PHP printed.
	const demoProvider = meta ? meta.demo : getConfig().provider.demo;
	let insertLabel: string = __( 'Insert questions', 'courses-copilot' );
	if ( questions.length ) {
		insertLabel = sprintf(
			/* translators: %d: number of questions */
			_n(
				'Insert %d question',
				'Insert %d questions',
				selected.length,
				'courses-copilot'
			),
			selected.length
		);
	}

	return (
		<Modal
			title={ __( 'Generate quiz questions', 'courses-copilot' ) }
			onRequestClose={ close }
			className="mpcc-quiz-modal"
			shouldCloseOnClickOutside={ false }
		>
			{ demoProvider && (
				<p className="mpcc-quiz-modal__demo">
					{ __(
						'Demo mode: questions are built from the source’s own sentences, not written by an AI model.',
						'courses-copilot'
					) }
				</p>
			) }
			<div className="mpcc-quiz-modal__form">
				<SourceFields
					context={ context }
					value={ draft }
					onChange={ onDraft }
					disabled={ generating }
				/>
				<OptionsFields
					value={ options }
					onChange={ setOptions }
					disabled={ generating }
				/>
				<div className="mpcc-quiz-modal__generate">
					{ generating ? (
						<Button
							variant="secondary"
							onClick={ () => stopGeneration() }
						>
							{ __( 'Stop', 'courses-copilot' ) }
						</Button>
					) : (
						<Button
							variant="primary"
							onClick={ generateAgain }
							disabled={ ! draftSource }
						>
							{ questions.length
								? __( 'Generate again', 'courses-copilot' )
								: __(
										'Generate questions',
										'courses-copilot'
									) }
						</Button>
					) }
					{ ! draftSource && ! generating && (
						<span className="mpcc-quiz-modal__hint">
							{ draft.mode === 'content'
								? __(
										'Paste some text to write questions from.',
										'courses-copilot'
									)
								: __( 'Choose a lesson.', 'courses-copilot' ) }
						</span>
					) }
				</div>
				{ confirmingReplace && (
					<ConfirmDialog
						title={ __(
							'Replace the questions you edited?',
							'courses-copilot'
						) }
						confirmLabel={ __(
							'Generate again',
							'courses-copilot'
						) }
						isDestructive
						onConfirm={ generate }
						onCancel={ () => setConfirmingReplace( false ) }
					>
						<p>
							{ sprintf(
								/* translators: 1: questions in the preview, 2: how many of them were edited by hand */
								_n(
									'Generating again replaces all %1$d questions in the preview, including %2$d you edited.',
									'Generating again replaces all %1$d questions in the preview, including %2$d you edited.',
									editedCount,
									'courses-copilot'
								),
								questions.length,
								editedCount
							) }
						</p>
						<p>
							{ __(
								'To keep an edited question, insert it into the quiz first.',
								'courses-copilot'
							) }
						</p>
					</ConfirmDialog>
				) }
				<GenerationStatus
					request={ request }
					received={ questions.length }
					requested={ options.count }
				/>
				{ request.error && (
					<GenerationError
						error={ request.error }
						onRetry={ draftSource ? generate : undefined }
					/>
				) }
			</div>

			{ questions.length > 0 && (
				<section
					className="mpcc-quiz-modal__preview"
					aria-labelledby="mpcc-quiz-preview-heading"
				>
					<h2 id="mpcc-quiz-preview-heading">
						{ __( 'Preview', 'courses-copilot' ) }
					</h2>
					{ meta && ! generating && (
						<QualityScore score={ meta.qualityScore } />
					) }
					<ol className="mpcc-quiz-modal__questions">
						{ questions.map( ( item, index ) => (
							<QuestionCard
								key={ item.id }
								item={ item }
								number={ index + 1 }
								busy={ generating }
							/>
						) ) }
					</ol>
				</section>
			) }

			<div className="mpcc-quiz-modal__footer">
				{ questions.length > 0 && (
					<div className="mpcc-quiz-modal__selection">
						<span>
							{ sprintf(
								/* translators: 1: selected questions, 2: all questions */
								__(
									'%1$d of %2$d selected',
									'courses-copilot'
								),
								selected.length,
								questions.length
							) }
						</span>
						<Button variant="link" onClick={ () => selectAll() }>
							{ __( 'Select all', 'courses-copilot' ) }
						</Button>
						<Button variant="link" onClick={ () => selectNone() }>
							{ __( 'Select none', 'courses-copilot' ) }
						</Button>
					</div>
				) }
				{ invalid.length > 0 && (
					<p className="mpcc-quiz-modal__hint" role="status">
						{ __(
							'Finish editing the selected questions before inserting them.',
							'courses-copilot'
						) }
					</p>
				) }
				<Button variant="tertiary" onClick={ close }>
					{ __( 'Cancel', 'courses-copilot' ) }
				</Button>
				<Button
					variant="primary"
					onClick={ insert }
					disabled={ ! canInsert }
					isBusy={ inserting }
				>
					{ insertLabel }
				</Button>
			</div>
		</Modal>
	);
}
