import { findBrowser } from '../../scripts/findBrowser.mjs';

/**
 * The Chrome/Chromium every browser test drives: CHROME_PATH when set, else the first of
 * chromium, chromium-browser, google-chrome on PATH — the same lookup `npm test` checks first
 * (scripts/test-environment.mjs), so a test never looks anywhere else.
 */
export function browserExecutable(): string {
  const found = findBrowser(process.env);
  if (found?.usable) return found.path;
  throw new Error(
    found
      ? `CHROME_PATH=${found.path} 不是可执行文件 / is not an executable file (test.environment)`
      : '找不到 Chromium：运行 npm test（会安装）或设置 CHROME_PATH / no Chromium found: run npm test (it installs one) or set CHROME_PATH (test.environment)',
  );
}
