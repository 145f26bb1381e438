import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * scripts/test-environment.mjs (npm test's pretest) in made-up environments: PATH holds only
 * stand-in programs written here (a browser, soffice, fc-list, apt-get), so what the script finds,
 * installs or asks for is decided by the test. The stand-in apt-get "installs" by writing the
 * programs the packages provide, and logs how it was called.
 */
const SCRIPT = fileURLToPath(new URL('../../scripts/test-environment.mjs', import.meta.url));
const isRoot = process.getuid?.() === 0;

let dir: string;
let bin: string;

async function program(name: string, body: string): Promise<string> {
  const file = path.join(bin, name);
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

const fcListWithCjk = () => program('fc-list', 'echo "Noto Sans CJK SC,Noto Sans CJK SC Regular"');
const fcListWithoutCjk = () => program('fc-list', 'exit 0');

/** apt-get that records its arguments, DEBIAN_FRONTEND and whether stdin had anything, then "installs". */
async function standInApt(browserPackage = 'chromium'): Promise<string> {
  const log = path.join(dir, 'apt.log');
  await program('apt-cache', `test "$3" = ${browserPackage}`);
  await program(
    'apt-get',
    [
      `if read -r line; then s=data; else s=eof; fi`,
      `echo "$* | DEBIAN_FRONTEND=$DEBIAN_FRONTEND | stdin=$s" >> ${log}`,
      `[ "$1" = install ] || exit 0`,
      `for p in "$@"; do case "$p" in`,
      `  chromium) printf '#!/bin/sh\\n' > ${bin}/chromium; /bin/chmod 755 ${bin}/chromium;;`,
      `  chromium-browser) printf '#!/bin/sh\\n' > ${bin}/chromium-browser; /bin/chmod 755 ${bin}/chromium-browser;;`,
      `  libreoffice-calc) printf '#!/bin/sh\\n' > ${bin}/soffice; /bin/chmod 755 ${bin}/soffice;;`,
      `  fonts-noto-cjk) printf '#!/bin/sh\\necho "Noto Sans CJK SC"\\n' > ${bin}/fc-list;;`,
      `esac; done`,
    ].join('\n'),
  );
  return log;
}

/** Not root, apt-get cannot run unattended: the script must stop with the sudo line instead. */
function expectSudoLine(r: ReturnType<typeof runScript>, packages: string, log?: string) {
  expect(r.code).toBe(1);
  expect(r.errLines).toHaveLength(1);
  expect(r.err).toContain('不是 root');
  expect(r.err).toContain(`sudo apt-get install -y ${packages}`);
  if (log) expect(existsSync(log)).toBe(false);
}

function runScript(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [SCRIPT], { env: { PATH: bin, ...env }, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], input: '' });
  return { code: r.status, out: r.stdout, err: r.stderr, errLines: r.stderr.split('\n').filter(Boolean) };
}

describe('npm test provisions its own environment (scripts/test-environment.mjs)', () => {
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kekao-testenv-'));
    bin = path.join(dir, 'bin');
    await mkdir(bin);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('with nothing found and no apt-get: stops at once, one line naming exactly the packages', async () => {
    const r = runScript({});
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toContain('没有 apt-get');
    expect(r.err).toContain('apt-get install -y chromium fontconfig fonts-noto-cjk libreoffice-calc');
    expect(r.err).toContain('CHROME_PATH');
    expect(r.err).toContain('(test.environment)');
  });

  it('with KEKAO_TEST_INSTALL=never (a machine it must not change): names only what is missing, never calls apt-get', async () => {
    const log = await standInApt();
    await fcListWithCjk();
    await program('soffice', 'exit 0');
    const r = runScript({ KEKAO_TEST_INSTALL: 'never' });
    expect(r.code).toBe(1);
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toContain('测试环境缺少 Chromium 浏览器（KEKAO_TEST_INSTALL=never');
    expect(r.err).toMatch(/apt-get install -y chromium(（| \()/);
    expect(r.err).not.toContain('libreoffice-calc');
    expect(r.err).not.toContain('fonts-noto-cjk');
    expect(existsSync(log)).toBe(false);
  });

  it('finds everything: a browser among chromium, chromium-browser, google-chrome on PATH, CJK fonts, soffice', async () => {
    await fcListWithCjk();
    await program('soffice', 'exit 0');
    for (const name of ['google-chrome', 'chromium-browser', 'chromium']) {
      const browser = await program(name, 'exit 0');
      const r = runScript({});
      expect(r.code, r.err).toBe(0);
      expect(r.err).toBe('');
      expect(r.out).toBe(`测试环境就绪 / test environment ready: Chromium ${browser}; Noto Sans CJK SC; LibreOffice ${path.join(bin, 'soffice')}\n`);
    }
  });

  it('CHROME_PATH wins over PATH; a CHROME_PATH that is not a program is reported, not replaced', async () => {
    await fcListWithCjk();
    await program('soffice', 'exit 0');
    await program('chromium', 'exit 0');
    const chrome = path.join(dir, 'opt-chrome');
    await writeFile(chrome, '#!/bin/sh\n');
    await chmod(chrome, 0o755);
    const good = runScript({ CHROME_PATH: chrome });
    expect(good.code, good.err).toBe(0);
    expect(good.out).toContain(`Chromium ${chrome};`);
    const bad = runScript({ CHROME_PATH: path.join(dir, 'no-such-chrome') });
    expect(bad.code).toBe(1);
    expect(bad.errLines).toHaveLength(1);
    expect(bad.err).toContain(`CHROME_PATH（${path.join(dir, 'no-such-chrome')} 不是可执行文件）`);
    expect(bad.err).not.toContain('apt-get install');
  });

  it(
    isRoot
      ? 'as root with apt-get: installs exactly the missing packages, unattended and without stdin, then goes on'
      : 'not root, with apt-get: stops with the sudo apt-get line instead of installing',
    async () => {
      const log = await standInApt();
      await fcListWithoutCjk();
      const r = runScript({});
      if (!isRoot) return expectSudoLine(r, 'chromium fonts-noto-cjk libreoffice-calc', log);
      expect(r.code, r.err).toBe(0);
      expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual([
        'update -qq | DEBIAN_FRONTEND= | stdin=eof',
        'install -y -qq chromium fonts-noto-cjk libreoffice-calc | DEBIAN_FRONTEND=noninteractive | stdin=eof',
      ]);
      expect(r.out).toBe(
        `测试环境就绪 / test environment ready: Chromium ${path.join(bin, 'chromium')}; Noto Sans CJK SC; LibreOffice ${path.join(bin, 'soffice')}\n`,
      );
    },
  );

  it('as root on Ubuntu (no chromium package, chromium-browser instead): installs chromium-browser', async () => {
    const log = await standInApt('chromium-browser');
    await fcListWithCjk();
    await program('soffice', 'exit 0');
    const r = runScript({});
    if (!isRoot) return expectSudoLine(r, 'chromium', log);
    expect(r.code, r.err).toBe(0);
    expect((await readFile(log, 'utf8')).trim().split('\n')[1]).toBe('install -y -qq chromium-browser | DEBIAN_FRONTEND=noninteractive | stdin=eof');
    expect(r.out).toContain(`Chromium ${path.join(bin, 'chromium-browser')};`);
  });

  it('as root, when apt-get fails: one line with the exit code and the packages still to install', async () => {
    await program('apt-cache', 'exit 1');
    await program('apt-get', '[ "$1" = install ] && exit 100; exit 0');
    await fcListWithCjk();
    await program('soffice', 'exit 0');
    const r = runScript({});
    if (!isRoot) return expectSudoLine(r, 'chromium');
    expect(r.code).toBe(1);
    expect(r.errLines.filter((l) => l.includes('test.environment'))).toHaveLength(1);
    expect(r.err).toContain('apt-get install 失败（退出码 100）');
    expect(r.err).toContain('apt-get install -y chromium');
  });
});
