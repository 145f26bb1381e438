import { describeScripts } from './conversations/scriptSuite.js';
import { startTeamsDriver } from './conversations/teamsHttpDriver.js';

/**
 * The channel-agnostic conversation scripts (bot/test/conversations/scripts), run through Teams
 * over real HTTP (expectReplies, card buttons as activity values, proactive notices at a connector
 * stand-in). The same scripts run through WeCom in chatScriptsWecom.test.ts.
 */

describeScripts('Teams HTTP', startTeamsDriver);
