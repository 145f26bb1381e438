/** Whether assistance starts: the triage of a supervision finding or an application (3.1, 7.2.1, 7.2.2). */
import { z } from 'zod/v4';
import { type Note, note } from '../../i18n/note.js';
import type { SourceRef } from '../../rubrics/rubricSchema.js';
import type { AssistanceApplication } from './applicationForm.js';
import {
  NEED_TYPES,
  needOptions,
  NON_QUALITY_MATTERS,
  type NonQualityMatter,
  nonQualityMatterOptions,
  PROBLEM_TYPES,
  problemTypeOptions,
} from './applicationOptions.js';
import { labelOf, listEn, listZh } from './choiceOption.js';
import { APPLICATION_SOURCE, SCOPE_SOURCE, SUPERVISION_SOURCE } from './guideSources.js';
import { PRODUCT_CATEGORIES, productCategoryOptions } from './productScope.js';
import { HIGH_RISK_FACTORS, RISK_FACTORS, riskFactors, type RiskGrade, SUPERVISION_TRIGGER_SOURCES } from './supervisionTrigger.js';

export const assistanceTriageInputSchema = z
  .object({
    trigger: z.enum(['supervision', 'application']),
    productCategory: z.enum(PRODUCT_CATEGORIES),
    /** Supervision: where the information came from (the five 监管触发 items). */
    supervisionSources: z.array(z.enum(SUPERVISION_TRIGGER_SOURCES)).default([]),
    /** Supervision: the factors found; any high factor makes the problem high risk. */
    riskFactors: z.array(z.enum(RISK_FACTORS)).default([]),
    /** Supervision: the officer's grade (风险等级评估). */
    riskGrade: z.enum(['high', 'low']).optional(),
    /** Willing to cooperate with rectification / to improve (A.1 是否自愿配合…). */
    willing: z.boolean(),
    problemTypes: z.array(z.enum(PROBLEM_TYPES)).default([]),
    needs: z.array(z.enum(NEED_TYPES)).default([]),
    /** Application: the request concerns a non-quality matter or is otherwise out of scope. */
    nonQualityMatter: z.enum(NON_QUALITY_MATTERS).optional(),
    /** Application: result of checking the application (false = 申请内容失实); undefined = not yet checked. */
    claimsVerified: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.trigger === 'supervision' && v.riskGrade === undefined && v.riskFactors.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: '监管触发须给出风险等级或风险因素 / a supervision trigger needs a risk grade or risk factors',
        path: ['riskGrade'],
      });
    }
  });
export type AssistanceTriageInput = z.input<typeof assistanceTriageInputSchema>;
export type AssistanceTriageParsed = z.infer<typeof assistanceTriageInputSchema>;

export type TriageDecision = 'started' | 'not-started' | 'out-of-scope';

export interface AssistanceTriageResult {
  decision: TriageDecision;
  /** Why (the rule applied and the facts it used). Chinese first. */
  reasons: Note[];
  /** Points to check that do not change the decision. */
  warnings: Note[];
  /** The guide's clause that decided: '3.1', '7.2.1' or '7.2.2'. */
  clause: string;
  source: SourceRef;
  /** Supervision only: the grade used. */
  riskGrade?: RiskGrade;
}

/**
 * Decides whether quality and technical assistance (帮扶) starts.
 *
 * 1. Scope (3.1): a product that is not an industrial product (food, drug, special equipment,
 *    product under a special law) is out of scope, whatever the trigger.
 * 2. Supervision trigger (7.2.1): grade = high when any high-risk factor is present (even if the
 *    officer graded it low — a warning says so), otherwise the officer's grade, otherwise low.
 *    Low → not started (按常规监管流程督促整改). High and willing → started. High but not
 *    willing → not started: the guide starts assistance only for operators that clearly agree to
 *    cooperate; the problem stays with supervision.
 * 3. Application trigger (7.2.2): not started when the application is untrue (claimsVerified
 *    false), concerns a non-quality matter or is otherwise out of scope, states no problem or need,
 *    or the operator is not willing; otherwise started. All failing conditions are reported.
 *
 * Throws a ZodError for invalid input.
 */
export function triageAssistance(input: AssistanceTriageInput): AssistanceTriageResult {
  const v = assistanceTriageInputSchema.parse(input);
  const warnings: Note[] = [];

  if (v.productCategory !== 'industrial') {
    const cat = labelOf(productCategoryOptions, v.productCategory);
    return {
      decision: 'out-of-scope',
      reasons: [
        note(
          'assistance.outOfScope.notIndustrial',
          `产品类别为“${cat.zh}”，不属于本指南所称工业产品（术语3.1：不包括食品、药品、特种设备以及有特别法管理的产品），不适用质量技术帮扶。`,
          `The product category is "${cat.en}", which is not an industrial product under the guide (term 3.1 excludes food, drugs, special equipment and products governed by special laws); assistance does not apply.`,
        ),
      ],
      warnings,
      clause: '3.1',
      source: SCOPE_SOURCE,
    };
  }

  if (v.trigger === 'supervision') {
    const high = v.riskFactors.filter((f): f is (typeof HIGH_RISK_FACTORS)[number] => (HIGH_RISK_FACTORS as readonly string[]).includes(f));
    let grade: RiskGrade;
    if (high.length > 0) {
      grade = 'high';
      if (v.riskGrade === 'low') {
        warnings.push(
          note(
            'assistance.risk.gradeRaised',
            `评估为低风险，但问题涉及${listZh(riskFactors, high)}，按启动判定属于高风险问题，已按高风险处理，请复核风险等级。`,
            `Graded low risk, but the problem concerns ${listEn(riskFactors, high)}, which the start rule treats as high risk; handled as high risk — please review the grade.`,
          ),
        );
      }
    } else {
      grade = v.riskGrade ?? 'low';
    }
    const factorsZh = high.length > 0 ? `（涉及${listZh(riskFactors, high)}）` : '';
    const factorsEn = high.length > 0 ? ` (concerns ${listEn(riskFactors, high)})` : '';
    if (grade === 'low') {
      return {
        decision: 'not-started',
        reasons: [
          note(
            'assistance.supervision.lowRisk',
            '低风险问题（偶发的、轻微不合格的情况）：按常规监管流程督促整改，不启动帮扶。',
            'Low-risk problem (occasional, minor nonconformity): urge rectification through the normal supervision process; assistance is not started.',
          ),
        ],
        warnings,
        clause: '7.2.1',
        source: SUPERVISION_SOURCE,
        riskGrade: grade,
      };
    }
    if (v.willing) {
      return {
        decision: 'started',
        reasons: [
          note(
            'assistance.supervision.highRiskWilling',
            `高风险问题${factorsZh}，经营主体明确愿意配合整改、主动寻求质量提升：启动质量技术帮扶。`,
            `High-risk problem${factorsEn}, and the operator clearly agrees to cooperate with rectification and seeks quality improvement: quality and technical assistance is started.`,
          ),
        ],
        warnings,
        clause: '7.2.1',
        source: SUPERVISION_SOURCE,
        riskGrade: grade,
      };
    }
    return {
      decision: 'not-started',
      reasons: [
        note(
          'assistance.supervision.highRiskUnwilling',
          `高风险问题${factorsZh}，但经营主体未明确愿意配合整改、主动寻求质量提升：指南仅对愿意配合的经营主体启动质量技术帮扶，该问题继续按监管程序处理。`,
          `High-risk problem${factorsEn}, but the operator has not clearly agreed to cooperate with rectification: the guide starts assistance only for operators willing to cooperate, so the problem stays with the supervision process.`,
        ),
      ],
      warnings,
      clause: '7.2.1',
      source: SUPERVISION_SOURCE,
      riskGrade: grade,
    };
  }

  // Application trigger.
  const blocking: Note[] = [];
  if (v.claimsVerified === false) {
    blocking.push(
      note('assistance.application.untrue', '经审核，申请内容失实：不启动帮扶。', 'On review, the application is untrue: assistance is not started.'),
    );
  }
  if (v.nonQualityMatter) {
    const m = labelOf(nonQualityMatterOptions, v.nonQualityMatter);
    blocking.push(
      v.nonQualityMatter === 'other-out-of-scope'
        ? note(
            'assistance.application.outOfScope',
            '申请事项不属于帮扶范围：不启动帮扶。',
            'The request is outside the scope of assistance: assistance is not started.',
          )
        : note(
            'assistance.application.nonQuality',
            `申请事项属于“${m.zh}”等非质量技术类问题：不启动帮扶。`,
            `The request concerns "${m.en}", a non-quality/technical matter: assistance is not started.`,
          ),
    );
  }
  const hasNeed = v.problemTypes.length > 0 || v.needs.length > 0;
  if (!hasNeed) {
    blocking.push(
      note(
        'assistance.application.noNeed',
        '申请未说明质量问题、技术瓶颈或质量提升需求：不启动帮扶。',
        'The application states no quality problem, technical bottleneck or quality-improvement need: assistance is not started.',
      ),
    );
  }
  if (!v.willing) {
    blocking.push(
      note(
        'assistance.application.unwilling',
        '经营主体不具备改进意愿（未选择自愿配合帮扶工作并落实整改措施）：不启动帮扶。',
        'The operator is not willing to improve (did not agree to cooperate and carry out rectification): assistance is not started.',
      ),
    );
  }
  if (blocking.length > 0) {
    return { decision: 'not-started', reasons: blocking, warnings, clause: '7.2.2', source: APPLICATION_SOURCE };
  }
  if (v.claimsVerified === undefined) {
    warnings.push(
      note(
        'assistance.application.unverified',
        '申请材料尚未审核：启动前请核实申请内容是否属实。',
        'The application has not been reviewed yet: verify that its content is true before starting.',
      ),
    );
  }
  const what: string[] = [];
  const whatEn: string[] = [];
  if (v.problemTypes.length > 0) {
    what.push(`质量问题：${listZh(problemTypeOptions, v.problemTypes)}`);
    whatEn.push(`problems: ${listEn(problemTypeOptions, v.problemTypes)}`);
  }
  if (v.needs.length > 0) {
    what.push(`帮扶诉求：${listZh(needOptions, v.needs)}`);
    whatEn.push(`needs: ${listEn(needOptions, v.needs)}`);
  }
  return {
    decision: 'started',
    reasons: [
      note(
        'assistance.application.started',
        `存在质量问题、技术瓶颈或质量提升需求（${what.join('；')}），且经营主体具备改进意愿：启动帮扶。`,
        `There is a quality problem, technical bottleneck or quality-improvement need (${whatEn.join('; ')}), and the operator is willing to improve: assistance is started.`,
      ),
    ],
    warnings,
    clause: '7.2.2',
    source: APPLICATION_SOURCE,
  };
}

/** The triage input for a validated A.1 application, plus what the officer found on review. */
export function triageInputFromApplication(
  app: AssistanceApplication,
  review: { claimsVerified?: boolean; nonQualityMatter?: NonQualityMatter } = {},
): AssistanceTriageInput {
  return {
    trigger: 'application',
    productCategory: app.productCategory,
    willing: app.willing,
    problemTypes: app.problemTypes,
    needs: app.needs,
    ...(review.claimsVerified !== undefined ? { claimsVerified: review.claimsVerified } : {}),
    ...(review.nonQualityMatter !== undefined ? { nonQualityMatter: review.nonQualityMatter } : {}),
  };
}
