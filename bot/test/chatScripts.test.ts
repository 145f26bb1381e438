import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChatWorld, type ChatWorld } from './helpers/chatWorld.js';
import { startTeamsDriver, type TeamsDriver } from './conversations/teamsHttpDriver.js';
import { SCRIPTS } from './conversations/scripts/index.js';

/**
 * The channel-agnostic conversation scripts (bot/test/conversations/scripts), run through Teams
 * over real HTTP (expectReplies, card buttons as activity values, proactive notices at a connector
 * stand-in). Clock: 2025-09-20 10:00 Beijing time unless a step moves it.
 */

let world: ChatWorld;
let driver: TeamsDriver;

beforeAll(async () => {
  world = await openChatWorld();
  driver = await startTeamsDriver(world.db, new Date('2025-09-20T02:00:00Z'));
}, 120_000);
afterAll(async () => {
  await driver?.close();
  await world?.db.close();
});

describe('conversation scripts over Teams HTTP', () => {
  for (const script of SCRIPTS) {
    it(`${script.name} (${script.lang}): ${script.covers}`, async () => {
      expect(await driver.run(script)).toEqual([]);
    }, 120_000);
  }
});
