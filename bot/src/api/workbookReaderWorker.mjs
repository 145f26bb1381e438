// Entry of a workbook-reader thread run from the TypeScript sources (the compiled build starts
// workbookReaderWorker.js directly). Worker threads do not inherit the TypeScript loader of the
// thread that starts them (tsx in development, vite in tests), so this plain module registers
// tsx itself and then loads the TypeScript worker body.
import { register } from 'tsx/esm/api';

register();
await import('./workbookReaderWorker.ts');
