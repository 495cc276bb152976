export * from './clocks.js';
export { formatUtc, parseInstant, type InstantResult } from './instant.js';
