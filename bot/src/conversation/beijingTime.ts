/**
 * Times as the programme's users read them: Beijing time (Asia/Shanghai, UTC+8, no daylight
 * saving), labelled, never UTC.
 */

const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** 2025-09-20 10:00 for the instant 2025-09-20T02:00Z. */
export function beijingDateTime(instant: string | Date): string {
  const parts = FORMAT.formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The date part only (2025-09-20). */
export function beijingDate(instant: string | Date): string {
  return beijingDateTime(instant).slice(0, 10);
}

export const BEIJING_LABEL = { zh: '北京时间', en: 'Beijing time' } as const;
