import type { IntakeField, IntakeOption } from './intakeFields.js';
import { findPlaces, placeLabel, type Place } from './places.js';
import type { AssistanceLocation, Bilingual, ProgrammePort } from './ports.js';

/**
 * Validation of one questionnaire answer, as typed in chat or sent by the card. Every problem
 * names the field and what was wrong, in Chinese with the English key.
 */

/** 手机: 11 digits, 1 then 3–9 (MIIT numbering plan). */
export const MOBILE_RE = /^1[3-9]\d{9}$/;
/** 固定电话: area code 0 + 2–3 digits, optional hyphen, 7–8 digit number, optional extension. */
export const LANDLINE_RE = /^0\d{2,3}-?\d{7,8}(-\d+)?$/;

export type AnswerResult =
  | { ok: true; value: unknown; location?: AssistanceLocation }
  | { ok: false; problem: Bilingual & { key: string } };

function problem(field: IntakeField, key: string, zh: string, en: string): AnswerResult {
  return { ok: false, problem: { key, zh: `「${field.zh}」${zh} (${key})`, en: `"${field.en}": ${en} (${key})` } };
}

export const SKIP_WORDS = /^(跳过|无|没有|略|skip|none|n\/a|-)$/i;

function matchOption(options: readonly IntakeOption[], token: string): IntakeOption | undefined {
  const s = token.trim();
  if (/^\d+$/.test(s)) return options[Number(s) - 1];
  const lower = s.toLowerCase();
  return options.find((o) => o.value === s || o.zh === s || o.en.toLowerCase() === lower || o.zh.replace(/（.*）/, '') === s);
}

/** Locates an address in the programme's provinces, down to a city (or a municipality's district). */
export function locateAddress(text: string, programme: ProgrammePort): { location?: AssistanceLocation; outside?: string; tooCoarse?: boolean } {
  // Addresses are written out: abbreviations and Latin spellings are not taken as places here.
  const matches = findPlaces(text).filter((m) => m.kind === 'name');
  const all = matches.flatMap((m) => m.places);
  if (all.length === 0) return {};
  const covered = new Set(programme.coveredProvinceCodes);
  const words = matches.map((m) => m.places);
  // A candidate is consistent with the other words when each names its province or city.
  const support = (p: Place) => words.filter((ps) => ps.some((q) => q.code === p.provinceCode || (p.cityCode && q.code === p.cityCode) || q.code === p.code)).length;
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
      const v = raw.trim();
      if (field.maxLength && [...v].length > field.maxLength) {
        return problem(field, 'intake.tooLong', `不能超过 ${field.maxLength} 字，现为 ${[...v].length} 字。`, `must be at most ${field.maxLength} characters, got ${[...v].length}.`);
      }
      return { ok: true, value: v };
    }
    case 'phone': {
      const v = String(raw).replace(/[\s（）()]/g, '').replace(/^\+?86-?/, '');
      if (MOBILE_RE.test(v) || LANDLINE_RE.test(v)) return { ok: true, value: v };
      return problem(
        field,
        'intake.phone',
        `“${String(raw).trim()}”不是有效的电话号码：手机号应为以1开头的11位数字（第二位3-9），固定电话应为“区号-号码”，如 0311-83895717。`,
        `"${String(raw).trim()}" is not a valid phone number: a mobile has 11 digits starting 1[3-9]; a landline is area code + number, e.g. 0311-83895717.`,
      );
    }
    case 'uscc': {
      const v = String(raw).trim().toUpperCase();
      const p = programme.usccProblem(v);
      return p ? problem(field, 'intake.uscc', `无效：${p.zh}`, `is invalid: ${p.en}`) : { ok: true, value: v };
    }
    case 'address': {
      const v = String(raw).trim();
      if (field.maxLength && [...v].length > field.maxLength) return problem(field, 'intake.tooLong', `不能超过 ${field.maxLength} 字。`, `must be at most ${field.maxLength} characters.`);
      const found = locateAddress(v, programme);
      if (found.location) return { ok: true, value: v, location: found.location };
      if (found.outside) {
        return problem(field, 'intake.addressOutside', `位于${found.outside}，不在京津沪渝冀闽赣鲁八省（市）范围内，kekao 无法转给对应的监管部门。`, `is in ${found.outside}, outside the eight provinces kekao serves.`);
      }
      if (found.tooCoarse) return problem(field, 'intake.addressCoarse', '请写到市和区（县），以便转给所在地监管部门。', 'please include the city and the district/county.');
      return problem(field, 'intake.addressUnknown', '中未识别出省、市或区（县）名称，请写明，例如“河北省石家庄市长安区……”。', 'names no province, city or district I know; e.g. 河北省石家庄市长安区….');
    }
    case 'choice': {
      const o = matchOption(field.options ?? [], String(raw));
      if (o) return { ok: true, value: o.value };
      const list = (field.options ?? []).map((x, i) => `${i + 1}.${x.zh}`).join(' ');
      return problem(field, 'intake.choice', `“${String(raw).trim()}”不是可选项，请选择：${list}`, `"${String(raw).trim()}" is not an option: ${(field.options ?? []).map((x, i) => `${i + 1}. ${x.en}`).join(', ')}`);
    }
    case 'multi': {
      const tokens = Array.isArray(raw) ? raw.map(String) : String(raw).split(/[,，、;；\s]+/).filter(Boolean);
      const values: string[] = [];
      for (const tok of tokens) {
        const o = matchOption(field.options ?? [], tok);
        if (!o) {
          const list = (field.options ?? []).map((x, i) => `${i + 1}.${x.zh}`).join(' ');
          return problem(field, 'intake.choice', `“${tok}”不是可选项，可多选（用逗号分隔编号）：${list}`, `"${tok}" is not an option; choose one or more by number: ${(field.options ?? []).map((x, i) => `${i + 1}. ${x.en}`).join(', ')}`);
        }
        if (!values.includes(o.value)) values.push(o.value);
      }
      return { ok: true, value: values };
    }
    case 'confirm': {
      const s = String(raw).trim().toLowerCase();
      if (['是', '确认', '同意', '承诺', 'yes', 'y', 'true', 'confirm', 'i agree'].includes(s)) return { ok: true, value: true };
      return problem(field, 'intake.commitment', '须确认承诺后才能提交（回复“确认”）。', 'must be confirmed before the request can be submitted (reply "confirm").');
    }
    case 'yesno': {
      const s = String(raw).trim().toLowerCase();
      if (['是', '是的', '愿意', 'yes', 'y', 'true', '1'].includes(s)) return { ok: true, value: true };
      if (['否', '不', '不是', '不愿意', 'no', 'n', 'false', '2'].includes(s)) return { ok: true, value: false };
      return problem(field, 'intake.yesno', `请回答“是”或“否”（收到“${String(raw).trim()}”）。`, `answer yes or no (got "${String(raw).trim()}").`);
    }
  }
}
