import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** Program names of Chrome and Chromium on Linux distributions, in the order they are tried. */
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** True when `file` is a regular file this process may execute. */
export function isExecutable(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called `name` in the directories of `pathVariable` (the PATH lookup a shell does). */
export function findOnPath(name, pathVariable) {
  for (const dir of (pathVariable ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return undefined;
}

/**
 * The browser the tests drive: CHROME_PATH when set (used as given, even if it does not run, so
 * a wrong setting is reported rather than silently replaced), else the first of BROWSER_NAMES on PATH.
 */
export function findBrowser(env = process.env) {
  const configured = env.CHROME_PATH?.trim();
  if (configured) return { path: configured, source: 'CHROME_PATH', usable: isExecutable(configured) };
  for (const name of BROWSER_NAMES) {
    const file = findOnPath(name, env.PATH);
    if (file) return { path: file, source: 'PATH', usable: true };
  }
  return undefined;
}
