/** The shapes shared by the browser bundle (types only), the proxy (validation) and the PHP validator (fixtures). */
export * from './errors';
export * from './course';
export * from './conversation';
export * from './quiz';
export * from './suggestions';
export * from './tasks';
