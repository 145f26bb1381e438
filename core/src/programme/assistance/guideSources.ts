/**
 * The guide (工业产品质量技术帮扶和质量安全监管联动工作指南（征求意见稿）, docs/sources/004_…) and the
 * clauses kekao cites from it. The extraction lost the guide's heading numbers; following the seeds
 * README (7 = 工作程序), kekao numbers 7.1 工作流程, 7.2 帮扶触发情形, 7.2.1 监管触发, 7.2.2 经营主体申请触发.
 */
import type { SourceRef } from '../../rubrics/rubricSchema.js';

export const GUIDE = '工业产品质量技术帮扶和质量安全监管联动工作指南（征求意见稿）' as const;
const RECONSTRUCTED = "clause number reconstructed: the extraction lost the headings' numbers";
const src = (clause: string, remark?: string): SourceRef => (remark ? { document: GUIDE, clause, remark } : { document: GUIDE, clause });

export const SCOPE_SOURCE: SourceRef = src('3.1');
export const SUPERVISION_SOURCE: SourceRef = src('7.2.1', RECONSTRUCTED);
export const APPLICATION_SOURCE: SourceRef = src('7.2.2', RECONSTRUCTED);
export const FORM_SOURCE: SourceRef = src('附录A 表A.1');
