import { assistanceApplicationFields, FORM_SOURCE, GUIDE, type AssistanceFormField } from '@kekao/core/programme';
import type { Bilingual } from './ports.js';

/**
 * The questionnaire of the assistance intake: 质量技术帮扶申请表 (guide Annex A, table A.1) as
 * defined by core (`assistanceApplicationFields`), one step per field, in form order. kekao adds
 * one field the printed form lacks: the 统一社会信用代码, which identifies the enterprise (GB 32100
 * check character) and links the case to its organisation.
 */

export type IntakeFieldType = 'text' | 'longText' | 'phone' | 'uscc' | 'address' | 'choice' | 'multi' | 'yesno' | 'confirm';

export interface IntakeOption {
  value: string;
  zh: string;
  en: string;
}

export interface IntakeField {
  key: string;
  zh: string;
  en: string;
  type: IntakeFieldType;
  required: boolean;
  maxLength?: number;
  options?: readonly IntakeOption[];
  hint?: Bilingual;
  /** Only asked when another field's answer includes a value (其他 ticked). */
  askWhen?: { field: string; includes: string };
}

const HINTS: Record<string, Bilingual> = {
  address: { zh: '请写明省、市、区（县），例如“河北省石家庄市长安区……”', en: 'Include province, city and district, e.g. 河北省石家庄市长安区…' },
  phone: { zh: '手机号（11位，1开头）或固定电话（如 0311-83895717）', en: 'mobile (11 digits starting with 1) or landline (e.g. 0311-83895717)' },
  uscc: { zh: '18位，含GB 32100校验码', en: '18 characters with the GB 32100 check character' },
};

const MAX_LENGTH: Record<string, number> = {
  orgName: 100,
  address: 200,
  contact: 50,
  industry: 50,
  problemOther: 200,
  needOther: 200,
  problemDetails: 1000,
  measuresTaken: 1000,
  evidence: 500,
};

function fromCore(f: AssistanceFormField): IntakeField {
  let type: IntakeFieldType;
  if (f.key === 'address') type = 'address';
  else if (f.key === 'commitment') type = 'confirm';
  else if (f.type === 'phone') type = 'phone';
  else if (f.type === 'select') type = 'choice';
  else if (f.type === 'multiselect') type = 'multi';
  else if (f.type === 'boolean') type = 'yesno';
  else type = f.multiline ? 'longText' : 'text';
  return {
    key: f.key,
    zh: f.zh,
    en: f.en,
    type,
    // 其他 must be explained once ticked (core's assistanceApplicationSchema requires it).
    required: f.required || !!f.askWhen,
    maxLength: MAX_LENGTH[f.key],
    options: f.options,
    hint: HINTS[f.key],
    askWhen: f.askWhen,
  };
}

const USCC_FIELD: IntakeField = { key: 'uscc', zh: '统一社会信用代码', en: 'Unified social credit code', type: 'uscc', required: true, hint: HINTS.uscc };

/** Core's A.1 fields with the USCC right after the organisation name. */
export const INTAKE_FIELDS: readonly IntakeField[] = (() => {
  const fields = assistanceApplicationFields.map(fromCore);
  const at = fields.findIndex((f) => f.key === 'orgName') + 1;
  return [...fields.slice(0, at), USCC_FIELD, ...fields.slice(at)];
})();

export function fieldApplies(f: IntakeField, answers: Record<string, unknown>): boolean {
  if (!f.askWhen) return true;
  const v = answers[f.askWhen.field];
  return Array.isArray(v) && v.includes(f.askWhen.includes);
}

export const INTAKE_SOURCE = `${GUIDE} ${FORM_SOURCE.clause}`;
