#!/usr/bin/env node
// `npm test` runs this first (the `pretest` script): the test suite drives a real Chromium (with
// CJK fonts, so pages render Chinese) and opens the generated workbooks in LibreOffice Calc.
// What is missing is installed with apt-get when that can work unattended (root, apt-get present,
// KEKAO_TEST_INSTALL not "never"); otherwise the run stops at once with one line naming exactly
// what to install. Plain Node on purpose: it runs before anything else is known to work.
import { spawnSync } from 'node:child_process';
import { findBrowser, findOnPath } from './findBrowser.mjs';

const env = process.env;
const CODE = 'test.environment';

/**
 * One thing the tests need: how to find it, what it is called, and the Debian/Ubuntu packages
 * that provide it (none when only a setting can fix it).
 */
function browserRequirement() {
  const found = findBrowser(env);
  if (found?.usable) return { ok: true, found: `Chromium ${found.path}` };
  if (found) {
    return {
      ok: false,
      packages: [],
      zh: `可用的 CHROME_PATH（${found.path} 不是可执行文件）`,
      en: `a usable CHROME_PATH (${found.path} is not an executable file)`,
    };
  }
  return { ok: false, packages: ['chromium'], zh: 'Chromium 浏览器', en: 'Chromium' };
}

function cjkFontRequirement() {
  const fcList = findOnPath('fc-list', env.PATH);
  if (!fcList) return { ok: false, packages: ['fontconfig', 'fonts-noto-cjk'], zh: '中文字体（及 fontconfig）', en: 'CJK fonts (and fontconfig)' };
  // fontconfig's own answer to "which installed fonts cover Chinese" is what Chromium will use.
  const r = spawnSync(fcList, [':lang=zh', 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const family =
    r.status === 0
      ? r.stdout
          .split('\n')
          .map((l) => l.trim())
          .find(Boolean)
      : undefined;
  if (family) return { ok: true, found: `${family.split(',')[0]}` };
  return { ok: false, packages: ['fonts-noto-cjk'], zh: '中文字体', en: 'CJK fonts' };
}

function calcRequirement() {
  const soffice = findOnPath('soffice', env.PATH);
  if (soffice) return { ok: true, found: `LibreOffice ${soffice}` };
  return { ok: false, packages: ['libreoffice-calc'], zh: 'LibreOffice Calc', en: 'LibreOffice Calc' };
}

function check() {
  return [browserRequirement(), cjkFontRequirement(), calcRequirement()];
}

/** Why packages cannot be installed here, or undefined when apt-get can do it unattended. */
function cannotInstall() {
  if (env.KEKAO_TEST_INSTALL === 'never') return { zh: 'KEKAO_TEST_INSTALL=never，不自动安装', en: 'KEKAO_TEST_INSTALL=never: no automatic install' };
  if (!findOnPath('apt-get', env.PATH)) return { zh: '没有 apt-get，无法自动安装', en: 'no apt-get to install with' };
  if (process.getuid?.() !== 0) return { zh: '不是 root，无法自动安装', en: 'not root: cannot install' };
  return undefined;
}

function run(command, args, extraEnv = {}) {
  // No stdin (nothing may wait for an answer); apt's output goes to stderr, keeping stdout for results.
  return spawnSync(command, args, { stdio: ['ignore', 2, 2], env: { ...env, ...extraEnv } }).status;
}

/** Ubuntu names its Chromium package chromium-browser; Debian names it chromium. */
function browserPackage() {
  for (const name of ['chromium', 'chromium-browser']) {
    const r = spawnSync('apt-cache', ['show', '--no-all-versions', name], { stdio: 'ignore', env });
    if (r.status === 0) return name;
  }
  return 'chromium';
}

function install(packages) {
  process.stderr.write(`正在用 apt-get 安装测试所需的软件包 / installing what the tests need with apt-get: ${packages.join(' ')}\n`);
  if (run('apt-get', ['update', '-qq']) !== 0) return { zh: 'apt-get update 失败', en: 'apt-get update failed' };
  // Asked only after the update: a fresh system has no package lists to answer from.
  const names = packages.map((p) => (p === 'chromium' ? browserPackage() : p));
  const status = run('apt-get', ['install', '-y', '-qq', ...names], { DEBIAN_FRONTEND: 'noninteractive' });
  return status === 0 ? undefined : { zh: `apt-get install 失败（退出码 ${status}）`, en: `apt-get install failed (exit code ${status})` };
}

function stop(missing, reason) {
  const packages = [...new Set(missing.flatMap((m) => m.packages))];
  const command = packages.length ? `${process.getuid?.() === 0 ? '' : 'sudo '}apt-get install -y ${packages.join(' ')}` : '';
  const browserMissing = packages.includes('chromium');
  const badChromePath = missing.some((m) => m.packages.length === 0);
  const zhActions = [];
  const enActions = [];
  if (command) {
    zhActions.push(`运行 ${command}${browserMissing ? '（浏览器也可用 CHROME_PATH 指定）' : ''}`);
    enActions.push(`run ${command}${browserMissing ? ' (or point CHROME_PATH at Chrome/Chromium for the browser)' : ''}`);
  }
  if (badChromePath) {
    zhActions.push('把 CHROME_PATH 改为 Chrome/Chromium 的可执行文件');
    enActions.push('set CHROME_PATH to a Chrome/Chromium executable');
  }
  const zh = `测试环境缺少 ${missing.map((m) => m.zh).join('、')}（${reason.zh}）：请${zhActions.join('，并')}`;
  const en = `the tests need ${missing.map((m) => m.en).join(', ')} (${reason.en}): ${enActions.join(', and ')}`;
  process.stderr.write(`${zh} / ${en} (${CODE})\n`);
  process.exit(1);
}

let results = check();
let missing = results.filter((r) => !r.ok);
if (missing.length) {
  const installable = [...new Set(missing.flatMap((m) => m.packages))];
  const reason = cannotInstall();
  if (reason || installable.length === 0) stop(missing, reason ?? { zh: '安装软件包无济于事', en: 'installing packages would not help' });
  const failed = install(installable);
  results = check();
  missing = results.filter((r) => !r.ok);
  if (missing.length) stop(missing, failed ?? { zh: '安装后仍未找到', en: 'still not found after installing' });
}
process.stdout.write(`测试环境就绪 / test environment ready: ${results.map((r) => r.found).join('; ')}\n`);
