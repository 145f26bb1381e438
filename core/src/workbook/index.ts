// Public entry point of this folder for the other packages (see the package.json exports).
export * from './contract.js';
export * from './tableToSubmission.js';
export * from './cellValue.js';
export * from './cellNotes.js';
export * from './uscc.js';
export * from './reading/tableCursor.js';
export * from './reading/workbookCells.js';
export * from './reading/sections/basicRequirementsTable.js';
