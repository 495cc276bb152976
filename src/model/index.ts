export * from './issue.js';
export * from './license-statement.js';
export * from './component.js';
export * from './sbom.js';
export * from './usage-context.js';
export * from './portfolio.js';
export * from './decision.js';
