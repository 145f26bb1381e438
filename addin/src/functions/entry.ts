/** functions.js: binds the KEKAO.* functions in the shared runtime (a no-op in preview mode). */
import { registerCustomFunctions } from './functions.js';

registerCustomFunctions();
