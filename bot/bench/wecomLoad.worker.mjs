// Entry of the WeCom bench's load thread. Worker threads do not inherit the TypeScript loader of
// the thread that starts them, so this plain module registers tsx and loads the worker body.
import { register } from 'tsx/esm/api';

register();
await import('./wecomLoad.ts');
