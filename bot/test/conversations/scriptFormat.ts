/**
 * Conversation scripts: who says what, and what the replies must contain — as data, independent of
 * any channel. A channel's driver (runner.ts; Teams: teamsHttpDriver.ts, WeCom: wecomHttpDriver.ts)
 * turns each step into its own messages and hands the replies back as text, cards and buttons; the
 * checks below are the same for every channel. A step says what the user does, never how one
 * channel's client does it: "fill in the application with these values" (`fill`) is one card
 * submit in Teams and a run of typed answers and card selections in WeCom, whose cards take no
 * typed input.
 */

export type ChannelName = 'teams' | 'wecom';

export type Who = 'unregistered' | 'enterprise' | 'officer' | 'officerPudong' | 'reviewer' | 'secretariat';

export interface Step {
  who: Who;
  /** Typed text (`${name}` is replaced by a captured value). */
  say?: string;
  /**
   * Press the button with this action on a card this user got. `values` are the card's input
   * values; where several buttons carry the action, the one whose data agrees with `values`
   * (e.g. `{ intent: 'deadline' }` of a clarifying question's buttons). For a form with typed
   * inputs (the application) use `fill`: WeCom cards have no typed inputs.
   */
  press?: { action: string; values?: Record<string, unknown> };
  /**
   * Tick these options (their values) of the choice the questionnaire asks now (`field`) and
   * confirm: the step card's choice set in Teams, the template card's selection in WeCom.
   */
  choose?: { field: string; options: string[] };
  /**
   * Give the open assistance application these values (field key → value; several choices
   * comma-separated) and send it: the whole form card in Teams; in WeCom each field as the
   * questionnaire asks it — typed, or chosen on its card — optional fields not given skipped, and
   * stopping where a value is refused (as a member would correct it first).
   */
  fill?: Record<string, string>;
  /** The user's previous submission arrives once more (a second click, a client's resend). */
  repeat?: true;
  /** Send this card submit data as is. */
  submit?: Record<string, unknown>;
  /** Move the service clock first (ISO instant). */
  clock?: string;
  expect?: Expect;
  /**
   * More checks for one channel, only for what the other cannot show: the JSON of a Teams
   * Adaptive Card, the outcome of a whole-form submit that a WeCom member makes field by field.
   * Never instead of `expect`; both apply.
   */
  on?: Partial<Record<ChannelName, Expect>>;
  /** Proactive messages the step must cause: to whom, containing what. */
  notifies?: { who: Who; contains: string[] };
  /** Keeps a value of the reply (first group of the pattern) for later steps as `${name}`. */
  capture?: { name: string; pattern: string };
}

export interface Expect {
  contains?: string[];
  notContains?: string[];
  /** Regular expressions the reply text must not match. */
  notMatches?: string[];
  /** Substrings of the JSON of the reply cards (card body, inputs, buttons). */
  cardContains?: string[];
  /** Button titles the replies must offer. */
  buttons?: string[];
  /** The step gets no reply at all. */
  silent?: true;
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

/** The problems of one step's replies on a channel ([] when it passes). */
export function check(step: Step, seen: Observed, vars: Record<string, string>, channel: ChannelName): string[] {
  const problems = [...expectations(step.expect ?? {}, seen, vars), ...expectations(step.on?.[channel] ?? {}, seen, vars)];
  return [...problems, ...captured(step, seen, vars)];
}

function expectations(e: Expect, seen: Observed, vars: Record<string, string>): string[] {
  const problems: string[] = [];
  const cardJson = JSON.stringify(seen.cards);
  for (const c of e.contains ?? []) if (!seen.text.includes(interpolate(c, vars))) problems.push(`reply lacks “${interpolate(c, vars)}”`);
  for (const c of e.notContains ?? []) if (seen.text.includes(interpolate(c, vars))) problems.push(`reply contains “${interpolate(c, vars)}”`);
  for (const r of e.notMatches ?? []) if (new RegExp(r).test(seen.text)) problems.push(`reply matches /${r}/`);
  for (const c of e.cardContains ?? []) if (!cardJson.includes(interpolate(c, vars))) problems.push(`cards lack “${interpolate(c, vars)}”`);
  for (const b of e.buttons ?? [])
    if (!seen.buttons.some((x) => x.title === b)) problems.push(`no button “${b}” (have ${seen.buttons.map((x) => x.title).join(', ')})`);
  if (e.silent && (seen.text || seen.cards.length)) problems.push('a reply came, none was expected');
  return problems;
}

function captured(step: Step, seen: Observed, vars: Record<string, string>): string[] {
  const problems: string[] = [];
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
    if (Array.isArray(n)) {
      n.forEach(walk);
      return;
    }
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.type === 'Action.Submit' && typeof o.title === 'string') out.push({ title: o.title, data: (o.data ?? {}) as Record<string, unknown> });
    for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  walk(cards);
  return out;
}
