/**
 * Actions of `mpcc/session`, by domain: plain action creators for local edits, thunks for everything
 * that talks to the server. Thunks never throw: failures land in the request state (getRequest( key ))
 * and the thunk resolves to a falsy value.
 */
export * from './outline';
export * from './sessions';
export * from './chat';
export * from './content';
export * from './course';
export * from './persistence';
