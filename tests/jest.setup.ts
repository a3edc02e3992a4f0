/** Shared jest setup: DOM matchers for @testing-library. */
import '@testing-library/jest-dom';
