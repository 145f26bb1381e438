import type { ScoredEntry } from '../scoredEntry.js';

/** The recommending bureau of a 推荐汇总表 (Annexes 5/6 header and footer). */
export interface RecommendingUnit {
  province?: string;
  city?: string;
  district?: string;
  contact?: string;
  phone?: string;
}

/** The blank of the printed form (三个全角空格), kept where a value is unknown. */
const BLANK = '\u3000\u3000\u3000';

function clean(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

/**
 * 推荐单位：…省（市）…市…区（县）市场监管局 — the printed words of the form stay, the blanks are
 * filled. A name that already ends with the printed word loses it (上海市 → 上海 + 省（市）,
 * 浦东新区 → 浦东新 + 区（县）) so it is not written twice.
 */
export function recommendingUnitLine(unit: RecommendingUnit): string {
  const province = clean(unit.province)?.replace(/[省市]$/u, '');
  const city = clean(unit.city)?.replace(/市$/u, '');
  const district = clean(unit.district)?.replace(/[区县]$/u, '');
  return `推荐单位：${province || BLANK}省（市）${city || BLANK}市${district || BLANK}区（县）市场监管局`;
}

/** 推荐单位联系人：…　联系电话：… (the form's footer). */
export function recommendingContactLine(unit: RecommendingUnit): string {
  return `推荐单位联系人：${clean(unit.contact) ?? BLANK + BLANK}\u3000\u3000联系电话：${clean(unit.phone) ?? ''}`;
}

/**
 * The unit given by the caller; where it says nothing, the entries' own province/city/district
 * when every entry agrees (a district bureau forwards the enterprises of its district —
 * 2025年推荐通知: enterprises submit through their district bureau). Otherwise the blank stays.
 */
export function resolveRecommendingUnit(entries: readonly ScoredEntry[], given: RecommendingUnit = {}): RecommendingUnit {
  const common = (pick: (e: ScoredEntry) => string | undefined): string | undefined => {
    const values = new Set(entries.map((e) => clean(pick(e)) ?? ''));
    if (values.size !== 1) return undefined;
    const [only] = [...values];
    return only || undefined;
  };
  return {
    province: clean(given.province) ?? common((e) => e.submission.enterprise?.province),
    city: clean(given.city) ?? common((e) => e.submission.enterprise?.city),
    district: clean(given.district) ?? common((e) => e.submission.enterprise?.district),
    contact: clean(given.contact),
    phone: clean(given.phone),
  };
}
