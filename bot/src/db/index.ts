// Public entry point of this folder for the other packages (see the package.json exports).
export * from './open.js';
export * from './pgliteBackup.js';
export * from './runtimeRole.js';
export * from './migrate.js';
export * from './database.js';
export * from './pglite.js';
