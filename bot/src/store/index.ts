// Public entry point of this folder for the other packages (see the package.json exports).
export * from './campaigns.js';
export * from './users.js';
export * from './organisations.js';
