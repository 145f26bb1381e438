// Entry of a workbook-reader thread run from the TypeScript sources (the compiled build starts
// workbookReaderWorker.js directly). Worker threads do not inherit the TypeScript loader of the
// thread that starts them (tsx in development, vite in tests), so this plain module registers
// tsx itself and then loads the TypeScript worker body.
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

// The @kekao/* packages' exports name their TypeScript sources under this condition.
const withSources = 'export const resolve = (s, c, next) => next(s, { ...c, conditions: [...c.conditions, "@kekao/source"] });';
registerHooks(`data:text/javascript,${encodeURIComponent(withSources)}`);
register();
await import('./workbookReaderWorker.ts');
