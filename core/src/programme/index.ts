// Public entry point of this folder for the other packages (see the package.json exports).
export * from './registryMismatch.js';
export * from './contacts.js';
export * from './organisationName.js';
export * from './assistance.js';
