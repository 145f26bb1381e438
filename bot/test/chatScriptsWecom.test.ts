import { describeScripts } from './conversations/scriptSuite.js';
import { startWecomScriptDriver } from './conversations/wecomHttpDriver.js';

/**
 * The channel-agnostic conversation scripts (bot/test/conversations/scripts) — the same ones the
 * Teams tests run, with the same expectations — through the WeCom channel over real HTTP: each
 * message and card event encrypted and signed as WeCom does and POSTed to /api/wecom, answers read
 * from the passive replies and from what the WeCom API stand-in received.
 */

describeScripts('WeCom encrypted callback', startWecomScriptDriver);
