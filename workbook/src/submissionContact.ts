import { z } from 'zod/v4';
import type { Submission } from '@kekao/core/submission';

/**
 * Contact details of a submission for the 推荐汇总表 (Annexes 5/6: 企业地址, 联系人,
 * 联系方式（手机与邮箱）). The core submission schema carries `enterprise.address`; the person
 * (Annex 2: 联系人, 联系电话, 职务/职称, 电子邮箱) may arrive as an optional `contact` object from
 * the workbook reader. Nothing here extends core: the fields are read defensively and validated.
 */
export interface SubmissionContact {
  address: string | null;
  name: string | null;
  mobile: string | null;
  email: string | null;
  title: string | null;
}

const text = z
  .union([z.string(), z.number()])
  .nullish()
  .catch(null)
  .transform((v) => {
    if (v === null || v === undefined) return null;
    const s = String(v).trim();
    return s === '' ? null : s;
  });

const contactSchema = z
  .object({
    name: text,
    mobile: text,
    /** Annex 2 calls it 联系电话; accepted when no mobile is given. */
    phone: text,
    email: text,
    title: text,
  })
  .nullish()
  .catch(null);

export function submissionContact(submission: Submission): SubmissionContact {
  const loose = submission as unknown as { contact?: unknown; enterprise?: { address?: unknown } };
  const contact = contactSchema.parse(loose.contact) ?? null;
  return {
    address: text.parse(loose.enterprise?.address),
    name: contact?.name ?? null,
    mobile: contact?.mobile ?? contact?.phone ?? null,
    email: contact?.email ?? null,
    title: contact?.title ?? null,
  };
}

/** 联系方式（手机与邮箱）: mobile and e-mail on two lines (either may be missing). */
export function contactMethods(contact: SubmissionContact): string {
  return [contact.mobile, contact.email].filter((v): v is string => v !== null).join('\n');
}
