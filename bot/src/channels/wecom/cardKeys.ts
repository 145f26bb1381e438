import { z } from 'zod/v4';
import { LIMITS, utf8Bytes } from './templateCard.js';

/**
 * A template card's button key carries what the Adaptive Card's Action.Submit would have sent:
 * its data, its title (for the "已选" label that replaces the clicked card's buttons), whether it
 * gathers the card's selections, and the value of each toggle left unticked (a WeCom card event
 * lists ticked options only). The key comes back in the signed template_card_event, so nothing
 * needs to be stored per card; it is still validated like any chat input, and the conversation
 * checks the data as it checks a Teams card submit.
 */

const keySchema = z.object({
  /** Position among the card's buttons (keys must differ even when two actions carry equal data). */
  i: z.number().int().min(0),
  t: z.string(),
  d: z.unknown().optional(),
  g: z.literal(1).optional(),
  off: z.record(z.string(), z.string()).optional(),
});
export type ButtonKey = z.infer<typeof keySchema>;

/** The key, or undefined when it would exceed WeCom's 1024 bytes. */
export function encodeKey(k: ButtonKey): string | undefined {
  const s = JSON.stringify(k);
  return utf8Bytes(s) <= LIMITS.keyBytes ? s : undefined;
}

export function decodeKey(key: string): ButtonKey | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(key);
  } catch {
    return undefined;
  }
  const parsed = keySchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export interface SelectedItem {
  questionKey: string;
  optionIds: string[];
}

/**
 * The `ChatInput.value` of a card event: the action's data merged with the selections as an
 * Adaptive Card submit merges its inputs (multi-select values comma-separated), when the action
 * gathers them.
 */
export function cardEventValue(key: ButtonKey, selected: SelectedItem[]): unknown {
  if (!key.g) return key.d;
  const inputs: Record<string, string> = { ...(key.off ?? {}) };
  for (const s of selected) if (s.optionIds.length) inputs[s.questionKey] = s.optionIds.join(',');
  const data = typeof key.d === 'object' && key.d !== null && !Array.isArray(key.d) ? (key.d as Record<string, unknown>) : {};
  return { ...inputs, ...data };
}
