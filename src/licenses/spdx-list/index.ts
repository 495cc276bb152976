export * from './list.js';
export * from './nearest.js';
