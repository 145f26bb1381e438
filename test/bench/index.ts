// Public entry point of this folder for the other packages (see the package.json exports).
export * from './types.js';
