// Public entry point of this folder for the other packages (see the package.json exports).
export * from './assessment.js';
export * from './assess.js';
export * from './suggestBand.js';
export * from './incubationTier.js';
