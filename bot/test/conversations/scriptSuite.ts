import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestDatabase } from '../helpers/backends.js';
import { openChatWorld, type ChatWorld } from '../helpers/chatWorld.js';
import { runScript, type ChannelDriver } from './runner.js';
import { SCRIPTS } from './scripts/index.js';

/**
 * Every conversation script (scripts/index.ts) through one channel's driver, on every test
 * database (PGlite; PostgreSQL too when DATABASE_URL is set), in the chat tests' world. Clock:
 * 2025-09-20 10:00 Beijing time unless a step moves it. A script added to the index runs on every
 * channel with no more code. KEKAO_SCRIPTS=name,name runs only those (while working on them).
 */
const only = process.env.KEKAO_SCRIPTS?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const selected = only?.length ? SCRIPTS.filter((s) => only.includes(s.name)) : SCRIPTS;
export function describeScripts(channel: string, startDriver: (world: ChatWorld, start: Date) => Promise<ChannelDriver>): void {
  describe.each(backends)(`conversation scripts over ${channel} on $name`, (backend) => {
    let tdb: TestDatabase;
    let driver: ChannelDriver;

    beforeAll(async () => {
      tdb = await backend.open();
      const world = await openChatWorld(tdb.db);
      driver = await startDriver(world, new Date('2025-09-20T02:00:00Z'));
    }, 120_000);
    afterAll(async () => {
      await driver?.close();
      await tdb?.dispose();
    });

    for (const script of selected) {
      it(`${script.name} (${script.lang}): ${script.covers}`, async () => {
        expect(await runScript(driver, script)).toEqual([]);
      }, 120_000);
    }

    it(`${channel} refused, cut or dropped nothing`, () => {
      expect(driver.faults()).toEqual([]);
    });
  });
}
