/**
 * Conversation scripts: who says what, and what the replies must contain — as data, independent of
 * any channel. A channel's driver (Teams over HTTP today: teamsHttpDriver.ts; WeCom later) turns
 * each step into its own messages and hands the replies back as text, cards and buttons; the
 * checks below are the same for every channel.
 */

export type Who = 'unregistered' | 'enterprise' | 'officer' | 'officerPudong' | 'reviewer' | 'secretariat';

export interface Step {
  who: Who;
  /** Typed text (`${name}` is replaced by a captured value). */
  say?: string;
  /** Press the button with this action on the last card this user got, with these input values. */
  press?: { action: string; values?: Record<string, unknown> };
  /** Send this card submit data as is. */
  submit?: Record<string, unknown>;
  /** Move the service clock first (ISO instant). */
  clock?: string;
  expect?: {
    contains?: string[];
    notContains?: string[];
    /** Regular expressions the reply text must not match. */
    notMatches?: string[];
    /** Substrings of the JSON of the reply cards (card body, inputs, buttons). */
    cardContains?: string[];
    /** Button titles the replies must offer. */
    buttons?: string[];
  };
  /** Proactive messages the step must cause: to whom, containing what. */
  notifies?: { who: Who; contains: string[] };
  /** Keeps a value of the reply (first group of the pattern) for later steps as `${name}`. */
  capture?: { name: string; pattern: string };
}

export interface Script {
  name: string;
  lang: 'zh' | 'en';
  /** What the script shows (the item of the issue it covers). */
  covers: string;
  steps: Step[];
}

/** What a channel returned for one step. */
export interface Observed {
  text: string;
  cards: unknown[];
  buttons: Array<{ title: string; data: Record<string, unknown> }>;
}

export function interpolate(s: string, vars: Record<string, string>): string {
  return s.replace(/\$\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

/** The problems of one step's replies ([] when it passes). */
export function check(step: Step, seen: Observed, vars: Record<string, string>): string[] {
  const e = step.expect ?? {};
  const problems: string[] = [];
  const cardJson = JSON.stringify(seen.cards);
  for (const c of e.contains ?? []) if (!seen.text.includes(interpolate(c, vars))) problems.push(`reply lacks “${interpolate(c, vars)}”`);
  for (const c of e.notContains ?? []) if (seen.text.includes(interpolate(c, vars))) problems.push(`reply contains “${interpolate(c, vars)}”`);
  for (const r of e.notMatches ?? []) if (new RegExp(r).test(seen.text)) problems.push(`reply matches /${r}/`);
  for (const c of e.cardContains ?? []) if (!cardJson.includes(interpolate(c, vars))) problems.push(`cards lack “${interpolate(c, vars)}”`);
  for (const b of e.buttons ?? []) if (!seen.buttons.some((x) => x.title === b)) problems.push(`no button “${b}” (have ${seen.buttons.map((x) => x.title).join(', ')})`);
  if (step.capture) {
    const m = new RegExp(step.capture.pattern).exec(seen.text);
    if (m?.[1]) vars[step.capture.name] = m[1];
    else problems.push(`nothing to capture as ${step.capture.name} (/${step.capture.pattern}/)`);
  }
  return problems;
}

/** Buttons (Action.Submit) anywhere in Adaptive Cards. */
export function buttonsOf(cards: unknown[]): Observed['buttons'] {
  const out: Observed['buttons'] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.type === 'Action.Submit' && typeof o.title === 'string') out.push({ title: o.title, data: (o.data ?? {}) as Record<string, unknown> });
    for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  walk(cards);
  return out;
}
