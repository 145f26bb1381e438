// Public entry point of this folder for the other packages (see the package.json exports).
export * from './capability.js';
export * from './consistency.js';
export * from './cvInterval.js';
export * from './degradation.js';
export * from './degradationPath.js';
export * from './margin.js';
export * from './failureRate.js';
