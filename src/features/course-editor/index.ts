export { CourseEditorApp } from './app';
export { CourseEditorModalLauncher } from './modal-launcher';
