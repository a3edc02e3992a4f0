/**
 * React's JSX runtime as the `react-jsx-runtime` script WordPress 6.6 ships and 6.5 lacks
 * (our bundles list it as a dependency). Registered by PHP only where WordPress has none.
 */
import * as runtime from 'react/jsx-runtime';

window.ReactJSXRuntime = runtime;
