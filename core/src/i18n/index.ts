// Public entry point of this folder for the other packages (see the package.json exports).
export * from './numberText.js';
export * from './bilingual.js';
export * from './note.js';
export * from './bilingualError.js';
