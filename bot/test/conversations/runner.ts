import { check, interpolate, type ChannelName, type Observed, type Script, type Step, type Who } from './scriptFormat.js';

/**
 * Runs a conversation script through one channel. The runner knows the script format and the
 * checks; a driver knows its channel: how a user says something, presses a button, ticks options,
 * fills in the application, and what came back. Every driver talks to the service over real HTTP
 * as that channel's clients do, so the same script and the same expectations hold on each.
 */

export interface ChannelDriver {
  readonly channel: ChannelName;
  /** Starts a script: its users get conversations of their own (no state from other scripts). */
  begin(script: Script): Promise<void>;
  setClock(at: Date): void;
  say(who: Who, text: string): Promise<Observed>;
  /** A button carrying `action` (and agreeing with `values`), with the card's input values; a string says why it could not. */
  press(who: Who, action: string, values?: Record<string, unknown>): Promise<Observed | string>;
  choose(who: Who, field: string, options: string[]): Promise<Observed | string>;
  fill(who: Who, values: Record<string, string>): Promise<Observed | string>;
  repeat(who: Who): Promise<Observed | string>;
  /** Raw card data (a channel that cannot send arbitrary data says so). */
  submit(who: Who, data: Record<string, unknown>): Promise<Observed | string>;
  /** A mark in the stream of proactive messages (notifications), for `noticesTo`. */
  mark(): number;
  /** The text (and card JSON) of the proactive messages `who` got since `mark`. */
  noticesTo(who: Who, since: number): string[];
  /** What the channel's platform refused, cut or dropped during the run (a channel that loses nothing: []). */
  faults(): string[];
  close(): Promise<void>;
}

export function describeStep(step: Step): string {
  if (step.say !== undefined) return step.say;
  if (step.press) return `[${step.press.action}]`;
  if (step.choose) return `[choose ${step.choose.field}: ${step.choose.options.join(',')}]`;
  if (step.fill) return `[fill ${Object.keys(step.fill).length} fields]`;
  if (step.repeat) return '[the same again]';
  return '[card submit]';
}

async function act(driver: ChannelDriver, step: Step, vars: Record<string, string>): Promise<Observed | string> {
  const fill = <T>(v: T): T => JSON.parse(interpolate(JSON.stringify(v), vars)) as T;
  if (step.press) return driver.press(step.who, step.press.action, step.press.values && fill(step.press.values));
  if (step.choose) return driver.choose(step.who, step.choose.field, step.choose.options);
  if (step.fill) return driver.fill(step.who, fill(step.fill));
  if (step.repeat) return driver.repeat(step.who);
  if (step.submit) return driver.submit(step.who, fill(step.submit));
  return driver.say(step.who, interpolate(step.say ?? '', vars));
}

/** The problems of the script on this channel ([] when every step passes). */
export async function runScript(driver: ChannelDriver, script: Script): Promise<string[]> {
  await driver.begin(script);
  const problems: string[] = [];
  const vars: Record<string, string> = {};
  for (const [i, step] of script.steps.entries()) {
    if (step.clock) driver.setClock(new Date(step.clock));
    const mark = driver.mark();
    const label = `step ${i + 1} (${step.who}: ${describeStep(step)})`;
    const seen = await act(driver, step, vars);
    if (typeof seen === 'string') {
      problems.push(`${label}: ${seen}`);
      continue;
    }
    problems.push(...check(step, seen, vars, driver.channel).map((p) => `${label}: ${p}\n    reply: ${seen.text.replace(/\s+/g, ' ').slice(0, 300)}`));
    if (step.notifies) {
      const got = driver.noticesTo(step.notifies.who, mark);
      const text = got.join('\n');
      for (const c of step.notifies.contains)
        if (!text.includes(interpolate(c, vars)))
          problems.push(`${label}: notification to ${step.notifies.who} lacks “${interpolate(c, vars)}” (${got.length} received)`);
    }
  }
  return problems;
}
