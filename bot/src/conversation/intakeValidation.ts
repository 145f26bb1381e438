import type { IntakeField, IntakeOption } from './intakeFields.js';
import { NEGATION, OPTION_ALIASES, YES, YES_DESPITE_NEGATION } from './intakeAliases.js';
import { foldText } from './understanding/normalise.js';
import { sizeFromHeadcount } from './headcount.js';
import { findPlaces, LONGEST_PLACE_INITIALS, placeLabel, type Place, type PlaceMatch } from './places.js';
import type { AssistanceLocation, Bilingual, ProgrammePort } from './ports.js';

/**
 * Validation of one questionnaire answer, as typed in chat or sent by the card, accepting the
 * natural answers people give (愿意配合 for yes, 中等 for 中型, "电话是0311-…" for a phone). Every
 * problem names the field and what was wrong, in Chinese and English; the problem's `key` is for
 * programs and tests, never part of the text; what the user typed is quoted at most 20 characters.
 */

/** 手机: 11 digits, 1 then 3–9 (MIIT numbering plan). */
export const MOBILE_RE = /^1[3-9]\d{9}$/;
/** 固定电话: area code 0 + 2–3 digits, optional hyphen, 7–8 digit number, optional extension. */
export const LANDLINE_RE = /^0\d{2,3}-?\d{7,8}(-\d+)?$/;

export type AnswerResult = { ok: true; value: unknown; location?: AssistanceLocation } | { ok: false; problem: Bilingual & { key: string } };

function problem(field: IntakeField, key: string, zh: string, en: string): AnswerResult {
  return { ok: false, problem: { key, zh: `「${field.zh}」${zh}`, en: `"${field.en}": ${en}` } };
}

/** What the user typed, quoted short: a 1,000-character paste is not sent back. */
export function quoteShort(raw: unknown, max = 20): string {
  const s = String(raw ?? '')
    .trim()
    .replace(/\s+/g, ' ');
  return [...s].length > max ? `${[...s].slice(0, max).join('')}…` : s;
}

/** The words around a name said in a sentence ("我们单位叫…", "联系人是…"), not part of the value. */
const STATED_AS: Readonly<Record<string, RegExp>> = {
  orgName:
    /^(?:(?:(?:我们|我|本)?(?:单位|公司|企业|厂)的?(?:全称|名称|名字)?|(?:全称|名称|名字)|我们)\s*(?:是|叫|为|:|：)|(?:our |the )?(?:company|organi[sz]ation|firm|factory)(?:'s)? (?:full )?name(?: is|:)|(?:we are|we're|it's|it is)(?= ))\s*/i,
  contact: /^(?:联系人|姓名|我)(?:是|叫|为|:|：)?\s*|^(?:(?:the )?contact(?: person)?(?: is|:)|my name is|i am|i'm)\s*/i,
};

export const SKIP_WORDS = /^(跳过|无|没有|暂无|还没有|略|skip|none|n\/a|-)$/i;

/** Folded and without the padding words of a chat answer (“我们算中型吧” → “中型”). */
function bare(text: string): string {
  const folded = foldText(text).replace(/[\s，,。.!！~、；;：:"“”'‘’]+/g, '');
  const stripped = folded.replace(/^(我们|我|本单位|本企业|企业|公司)?(是|算|属于|应该是|大概是)?/, '').replace(/(吧|的|啊|呀|呢|哈|企业规模|规模)+$/, '');
  return stripped || folded;
}

function matchOption(field: IntakeField, token: string): IntakeOption | undefined {
  const options = field.options ?? [];
  const s = token.trim();
  if (/^\d+$/.test(s)) return options[Number(s) - 1];
  const lower = foldText(s);
  const exact = options.find((o) => o.value === s || o.zh === s || o.en.toLowerCase() === lower || o.zh.replace(/（.*）/, '') === s);
  if (exact) return exact;
  const aliases = OPTION_ALIASES[field.key] ?? {};
  const b = bare(s);
  const found = new Map<string, number>();
  for (const [value, words] of Object.entries(aliases)) {
    for (const w of words) {
      // A qualified word is another answer: 超大型 / 不大 / 较小 are not the options they contain.
      const qualified = new RegExp(`(超|特|非|不|较|偏|准|次)${w}`).test(lower);
      const hit = !qualified && ([...w].length === 1 ? b === w : b.includes(w) || lower.includes(w));
      if (hit) found.set(value, Math.max(found.get(value) ?? 0, w.length));
    }
  }
  const best = Math.max(0, ...found.values());
  const winners = [...found].filter(([, n]) => n === best).map(([v]) => v);
  // Two options equally named ("小微企业") is not an answer but a question back.
  return winners.length === 1 ? options.find((o) => o.value === winners[0]) : undefined;
}

/** Every option named anywhere in a free sentence (“需要现场诊断，再出个改进方案”). */
function optionsInSentence(field: IntakeField, text: string): string[] {
  const aliases = OPTION_ALIASES[field.key] ?? {};
  const s = foldText(text);
  const out: string[] = [];
  for (const [value, words] of Object.entries(aliases)) if (words.some((w) => [...w].length > 1 && s.includes(w))) out.push(value);
  return out;
}

/** A negated wish ("暂时不想", "不太愿意", "don't want to"): no. */
const UNWILLING = /(不|没)(太|大)?(想|要|愿|同意|配合|需要|打算|接受|参加)|(?:don'?t|donot|not|dont)\s*(?:want|wish|agree|need)|unwilling/;

/** yes / no / undefined (not a yes-or-no answer). */
export function yesNo(text: string): boolean | undefined {
  const s = bare(text).toLowerCase();
  if (!s) return undefined;
  if (/^(1|y)$/.test(s)) return true;
  if (/^(2|n|否)$/.test(s)) return false;
  if (YES_DESPITE_NEGATION.test(s)) return true;
  if (UNWILLING.test(s)) return false;
  if (NEGATION.test(s)) return YES.test(s) || /^(不|不是|没有|否|no|nope|not)$/.test(s) ? false : undefined;
  return YES.test(s) ? true : undefined;
}

/** A phone number inside a sentence ("电话是0311-86001234"). */
const PHONE_IN_TEXT = /(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d+)?)(?!\d)/;

/** Locates an address in the programme's provinces, down to a city (or a municipality's district). */
export function locateAddress(text: string, programme: ProgrammePort): { location?: AssistanceLocation; outside?: string; tooCoarse?: boolean } {
  // Addresses are written out: abbreviations and pinyin initials are not taken as places here. An
  // address written in English ("No. 55 Zhangjiang Rd, Pudong, Shanghai") names its places in full
  // pinyin or their English names, which are taken when the address has no Chinese in it.
  // A street named after a place ("Zhongshan Rd") is not that place.
  const latinAddress = !/[\u4e00-\u9fff]/.test(text);
  const lower = text.toLowerCase();
  const spelt = (m: PlaceMatch) =>
    latinAddress &&
    m.kind === 'pinyin' &&
    m.word.length > LONGEST_PLACE_INITIALS &&
    !new RegExp(`${m.word}\\s*(?:road|rd|street|st|avenue|ave|lu|jie|dadao|boulevard|blvd)\\b`).test(lower);
  const matches = findPlaces(text).filter((m) => m.kind === 'name' || spelt(m));
  const all = matches.flatMap((m) => m.places);
  if (all.length === 0) return {};
  const covered = new Set(programme.coveredProvinceCodes);
  const words = matches.map((m) => m.places);
  // A candidate is consistent with the other words when each names its province or city.
  const support = (p: Place) =>
    words.filter((ps) => ps.some((q) => q.code === p.provinceCode || (p.cityCode && q.code === p.cityCode) || q.code === p.code)).length;
  const specificity = { area: 2, city: 1, province: 0 } as const;
  const ranked = [...all].sort((a, b) => support(b) - support(a) || specificity[b.level] - specificity[a.level]);
  const best = ranked[0]!;
  if (!covered.has(best.provinceCode)) return { outside: placeLabel(best) };
  const municipality = ['11', '12', '31', '50'].includes(best.provinceCode);
  if (best.level === 'province' || (municipality && best.level !== 'area')) return { tooCoarse: true };
  return {
    location: {
      provinceCode: best.provinceCode,
      cityCode: best.cityCode,
      districtCode: best.level === 'area' ? best.code : undefined,
      label: placeLabel(best),
    },
  };
}

export function validateAnswer(field: IntakeField, raw: unknown, programme: ProgrammePort): AnswerResult {
  const isBlank = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
  if (isBlank || (typeof raw === 'string' && !field.required && SKIP_WORDS.test(raw.trim()))) {
    return field.required ? problem(field, 'intake.required', '为必填项，请填写。', 'is required.') : { ok: true, value: null };
  }
  switch (field.type) {
    case 'text':
    case 'longText': {
      if (typeof raw !== 'string') return problem(field, 'intake.notText', '应为文字。', 'must be text.');
      const v = (STATED_AS[field.key] ? raw.trim().replace(STATED_AS[field.key]!, '') : raw.trim()) || raw.trim();
      if (field.maxLength && [...v].length > field.maxLength) {
        return problem(
          field,
          'intake.tooLong',
          `不能超过 ${field.maxLength} 字，现为 ${[...v].length} 字。`,
          `must be at most ${field.maxLength} characters, got ${[...v].length}.`,
        );
      }
      return { ok: true, value: v };
    }
    case 'phone': {
      const v = String(raw)
        .replace(/[\s（）()]/g, '')
        .replace(/^\+?86-?/, '');
      if (MOBILE_RE.test(v) || LANDLINE_RE.test(v)) return { ok: true, value: v };
      const inside = PHONE_IN_TEXT.exec(foldText(String(raw)).replace(/\s/g, ''));
      if (inside) return { ok: true, value: inside[1] };
      return problem(
        field,
        'intake.phone',
        `“${quoteShort(raw)}”不是有效的电话号码：手机号应为以1开头的11位数字（第二位3-9），固定电话应为“区号-号码”，如 0311-83895717。`,
        `"${quoteShort(raw)}" is not a valid phone number: a mobile has 11 digits starting 1[3-9]; a landline is area code + number, e.g. 0311-83895717.`,
      );
    }
    case 'uscc': {
      const whole = foldText(String(raw)).replace(/\s/g, '').toUpperCase();
      const inside = /(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])/.exec(whole.replace(/[^0-9A-Z]+/g, ' '));
      // Full-width digits and letters (９１３５…) are the same code: the folded text is checked.
      const v = /^[0-9A-Z]{18}$/.test(whole) ? whole : inside ? inside[0] : String(raw).trim().toUpperCase();
      const p = programme.usccProblem(v);
      return p ? problem(field, p.key ?? 'intake.uscc', `无效：${p.zh}`, `is invalid: ${p.en}`) : { ok: true, value: v };
    }
    case 'address': {
      const v = String(raw).trim();
      if (field.maxLength && [...v].length > field.maxLength)
        return problem(field, 'intake.tooLong', `不能超过 ${field.maxLength} 字。`, `must be at most ${field.maxLength} characters.`);
      const found = locateAddress(v, programme);
      if (found.location) return { ok: true, value: v, location: found.location };
      if (found.outside) {
        return problem(
          field,
          'intake.addressOutside',
          `位于${found.outside}，不在京津沪渝冀闽赣鲁八省（市）范围内，kekao 无法转给对应的监管部门。`,
          `is in ${found.outside}, outside the eight provinces kekao serves.`,
        );
      }
      if (found.tooCoarse)
        return problem(field, 'intake.addressCoarse', '请写到市和区（县），以便转给所在地监管部门。', 'please include the city and the district/county.');
      return problem(
        field,
        'intake.addressUnknown',
        '中未识别出省、市或区（县）名称，请写明，例如“河北省石家庄市长安区……”。',
        'names no province, city or district I know; e.g. 河北省石家庄市长安区….',
      );
    }
    case 'choice': {
      const o = matchOption(field, String(raw));
      if (o) return { ok: true, value: o.value };
      // The size told as a headcount ("厂里也就七八个人").
      const bySize = field.key === 'size' ? sizeFromHeadcount(foldText(String(raw))) : undefined;
      if (bySize && field.options?.some((x) => x.value === bySize)) return { ok: true, value: bySize };
      const list = (field.options ?? []).map((x, i) => `${i + 1}.${x.zh}`).join(' ');
      return problem(
        field,
        'intake.choice',
        `“${quoteShort(raw)}”不是可选项，请选择：${list}`,
        `"${quoteShort(raw)}" is not an option: ${(field.options ?? []).map((x, i) => `${i + 1}. ${x.en}`).join(', ')}`,
      );
    }
    case 'multi': {
      const tokens = Array.isArray(raw)
        ? raw.map(String)
        : String(raw)
            // "1,4", "1、4", "1和4", "1 4": numbers joined by 和/及/与 are a list too.
            .split(/[,，、;；\s]+|(?<=\d)\s*(?:和|及|与|跟|还有|and|&)\s*(?=\d)/)
            .filter(Boolean);
      const values: string[] = [];
      let bad: string | undefined;
      for (const tok of tokens) {
        // One token may name several options ("现场诊断和定制化改进方案").
        const several = optionsInSentence(field, tok);
        const o = several.length > 1 ? undefined : matchOption(field, tok);
        if (!o && several.length < 2) {
          bad = tok;
          break;
        }
        for (const v of o ? [o.value] : several) if (!values.includes(v)) values.push(v);
      }
      if (!bad) return { ok: true, value: values };
      // Not a list of options: perhaps a sentence that names some.
      const named = Array.isArray(raw) ? [] : optionsInSentence(field, String(raw));
      if (named.length && !/^\d+$/.test(bad)) return { ok: true, value: named };
      const list = (field.options ?? []).map((x, i) => `${i + 1}.${x.zh}`).join(' ');
      return problem(
        field,
        'intake.choice',
        `“${quoteShort(bad)}”不是可选项，可多选（用逗号分隔编号）：${list}`,
        `"${quoteShort(bad)}" is not an option; choose one or more by number: ${(field.options ?? []).map((x, i) => `${i + 1}. ${x.en}`).join(', ')}`,
      );
    }
    case 'confirm': {
      if (raw === true || yesNo(String(raw)) === true) return { ok: true, value: true };
      return problem(
        field,
        'intake.commitment',
        '须确认承诺后才能提交（回复“确认”）。',
        'must be confirmed before the request can be submitted (reply "confirm").',
      );
    }
    case 'yesno': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const yn = yesNo(String(raw));
      if (yn !== undefined) return { ok: true, value: yn };
      return problem(field, 'intake.yesno', `请回答“是”或“否”（收到“${quoteShort(raw)}”）。`, `answer yes or no (got "${quoteShort(raw)}").`);
    }
  }
}
