import { describe, expect, it } from 'vitest';
import { campaign2025, campaignSchema, daysLeft, shanghaiDate, materialsFor, campaignById, CAMPAIGNS } from '../src/programme/campaign.js';
import { provincialContacts, contactForProvince, routingRule, phoneParts, telUri } from '../src/programme/contacts.js';
import { incubationTiers, incubationTier } from '../src/programme/incubationTiers.js';
import {
  triageAssistance,
  assistanceTriageInputSchema,
  assistanceApplicationFields,
  assistanceApplicationSchema,
  enterpriseSizeOptions,
  problemTypeOptions,
  needOptions,
  supervisionTriggerSources,
  startRules,
  triageInputFromApplication,
  isChinesePhone,
  type AssistanceTriageInput,
} from '../src/programme/assistance.js';

/*
 * Expected values typed again from the 2025 notice (001), the incubation guide (000) and the
 * assistance guide (004), independently of the data modules.
 */

// ───────────────────────────────────────────── contacts

const EXPECTED_CONTACTS: [string, string, string, string, string][] = [
  ['北京', '11', '北京市市场监督管理局', '贾晋玮', '010-55526748'],
  ['天津', '12', '天津市市场监督管理委员会', '骆建香', '022-27182037'],
  ['上海', '31', '上海市市场监督管理局', '邱正', '021-64220000*2318'],
  ['重庆', '50', '重庆市市场监督管理局', '罗西贝贝', '023-67890721'],
  ['河北', '13', '河北省市场监督管理局', '周敬', '0311-83895717'],
  ['福建', '35', '福建省市场监督管理局', '缪纪刚', '0591-87513915'],
  ['江西', '36', '江西省市场监督管理局', '操安娜', '0791-86355012'],
  ['山东', '37', '山东省市场监督管理局', '王目敏', '0531-51792275'],
];

describe('provincial contacts', () => {
  it('are the eight contacts of the 2025 notice', () => {
    expect(provincialContacts.map((c) => [c.province.short, c.code, c.authority.zh, c.person, c.phone])).toEqual(EXPECTED_CONTACTS);
    for (const c of provincialContacts) {
      expect(c.source).toEqual({ document: '2025年推荐通知', clause: '六、联系方式' });
      expect(c.authority.en.length).toBeGreaterThan(0);
    }
  });

  it('are found by full name, short name, abbreviation, English name and code', () => {
    for (const q of ['上海', '上海市', 'Shanghai', 'shanghai', ' SHANGHAI ', '31', 31, '310000', '310104', '沪', '上海市浦东新区', '上海市市场监督管理局']) {
      expect(contactForProvince(q)?.person, String(q)).toBe('邱正');
    }
    expect(contactForProvince('河北省')?.code).toBe('13');
    expect(contactForProvince('Chongqing')?.person).toBe('罗西贝贝');
    expect(contactForProvince('鲁')?.province.zh).toBe('山东省');
    expect(contactForProvince('370102')?.province.short).toBe('山东');
  });

  it('return undefined outside the eight provinces', () => {
    for (const q of ['广东', '广东省', '44', '440000', 'Guangdong', '', '3', '山西']) expect(contactForProvince(q), q).toBeUndefined();
  });

  it('split the phone number and make a tel: link', () => {
    expect(phoneParts('021-64220000*2318')).toEqual({ areaCode: '021', number: '64220000', extension: '2318' });
    expect(phoneParts('0311-83895717')).toEqual({ areaCode: '0311', number: '83895717' });
    expect(telUri(contactForProvince('上海')!)).toBe('tel:+86-21-64220000;ext=2318');
    expect(telUri(contactForProvince('北京')!)).toBe('tel:+86-10-55526748');
    for (const c of provincialContacts) expect(phoneParts(c.phone), c.phone).toBeDefined();
  });

  it('carry the routing rule through the district bureau', () => {
    expect(routingRule.source).toEqual({ document: '2025年推荐通知', clause: '四、推荐流程（一）' });
    expect(routingRule.quote).toBe('采取自下而上方式，由各地市场监管部门组织推荐，对申报材料初审后逐级报送至省级市场监管部门。');
    expect(routingRule.text.zh).toContain('区（县）市场监管局');
  });
});

// ───────────────────────────────────────────── campaign

describe('campaign2025', () => {
  it('transcribes the 2025 notice', () => {
    expect(campaign2025.year).toBe(2025);
    expect(campaign2025.deadline).toBe('2025-09-30');
    expect(campaign2025.announcedOn).toBe('2025-06-09');
    expect(campaign2025.kinds).toEqual(['best-practice', 'fmea']);
    expect(campaign2025.rubricByKind).toEqual({ 'best-practice': 'reliability-2024', fmea: 'fmea-case-2025' });
    expect(campaign2025.issuer.zh).toBe('京津沪渝冀闽赣鲁产品质量可靠性创新实践合作机制秘书处');
    expect(campaign2025.materials.map((m) => [m.zh, m.copies, m.sealed])).toEqual([
      ['纸质版推荐表一式两份（加盖公章）', 2, true],
      ['推荐汇总表（附件5、6）', undefined, undefined],
      ['上述材料电子版（Word及盖章PDF扫描件）', undefined, undefined],
    ]);
    expect(materialsFor(campaign2025, 'fmea')).toHaveLength(3);
    expect(campaign2025.forms.map((f) => f.annex)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(campaignById('2025')).toBe(campaign2025);
    expect(CAMPAIGNS).toContain(campaign2025);
  });

  it('has the bottom-up flow in order', () => {
    expect(campaign2025.stages.map((s) => [s.order, s.label.zh])).toEqual([
      [1, '各地市场监管部门组织推荐'],
      [2, '初审后逐级报送至省级'],
      [3, '省级组织专家综合评审形成拟评定名单'],
      [4, '上海市市场监督管理局汇总公示'],
      [5, '公示期满无异议认定'],
    ]);
    expect(campaign2025.stages[0].source.clause).toBe('四、推荐流程（一）');
    expect(campaign2025.stages[3].quote).toContain('由上海市市场监督管理局汇总后予以公示');
  });

  it('has the eligibility conditions of both kinds', () => {
    expect(campaign2025.eligibility.map((e) => e.kind)).toEqual(['best-practice', 'best-practice', 'fmea', 'fmea']);
    expect(campaign2025.eligibility[0].text.zh).toContain('三年内无重大违法记录');
    expect(campaign2025.eligibility[3].text.zh).toContain('近两年内开展的应用实践');
  });

  it('accepts a new campaign as data and rejects bad dates', () => {
    const next = { ...structuredClone(campaign2025), id: '2026', year: 2026, deadline: '2026-09-30', announcedOn: '2026-06-01' };
    expect(campaignSchema.safeParse(next).success).toBe(true);
    expect(campaignSchema.safeParse({ ...next, deadline: '2026-02-30' }).success).toBe(false);
    expect(campaignSchema.safeParse({ ...next, deadline: '30/09/2026' }).success).toBe(false);
    expect(campaignSchema.safeParse({ ...next, announcedOn: '2026-10-01' }).success).toBe(false);
    expect(campaignSchema.safeParse({ ...next, kinds: [] }).success).toBe(false);
  });
});

describe('daysLeft', () => {
  it('counts calendar days in Asia/Shanghai with the deadline day inclusive', () => {
    expect(daysLeft(campaign2025, new Date('2025-06-09T10:00:00+08:00')).days).toBe(113);
    const before = daysLeft(campaign2025, new Date('2025-09-29T12:00:00+08:00'));
    expect(before).toMatchObject({ days: 1, passed: false, isDeadlineDay: false, today: '2025-09-29' });
    expect(before.message.zh).toBe('距推荐截止时间（2025年9月30日）还有 1 天。');
    const onDayStart = daysLeft(campaign2025, new Date('2025-09-30T00:00:00+08:00'));
    expect(onDayStart).toMatchObject({ days: 0, passed: false, isDeadlineDay: true });
    const onDayEnd = daysLeft(campaign2025, new Date('2025-09-30T23:59:59+08:00'));
    expect(onDayEnd).toMatchObject({ days: 0, passed: false, isDeadlineDay: true });
    expect(onDayEnd.message.key).toBe('campaign.deadlineToday');
    const after = daysLeft(campaign2025, new Date('2025-10-01T00:00:00+08:00'));
    expect(after).toMatchObject({ days: -1, passed: true, isDeadlineDay: false });
    expect(after.message.zh).toContain('已过 1 天');
  });

  it('uses Beijing time, not UTC, for the calendar day', () => {
    // 2025-09-30 16:00 UTC is 2025-10-01 00:00 in Shanghai.
    expect(daysLeft(campaign2025, new Date('2025-09-30T16:00:00Z')).passed).toBe(true);
    expect(daysLeft(campaign2025, new Date('2025-09-30T15:59:59Z')).days).toBe(0);
    // 2025-09-29 20:00 UTC is already 2025-09-30 in Shanghai.
    expect(shanghaiDate(new Date('2025-09-29T20:00:00Z'))).toBe('2025-09-30');
  });
});

// ───────────────────────────────────────────── incubation tiers

describe('incubation tiers', () => {
  it('are the three tiers of the guide', () => {
    expect(incubationTiers.map((t) => [t.tier, t.name.zh, t.condition.zh, t.treatment.zh])).toEqual([
      [1, '第一梯队', '基本符合“最佳实践”推荐条件', '重点培育'],
      [2, '第二梯队', '主要推荐条件尚有欠缺', '动态跟踪培育'],
      [3, '第三梯队', '主要推荐条件缺失较大', '夯实基础培育'],
    ]);
    expect(incubationTier(2).id).toBe('second');
    for (const t of incubationTiers) {
      expect(t.source.document).toBe('沪市监产质〔2024〕124号');
      expect(t.treatment.en.length).toBeGreaterThan(0);
    }
  });
});

// ───────────────────────────────────────────── assistance

describe('assistance data', () => {
  it('has the five supervision trigger sources', () => {
    expect(supervisionTriggerSources.map((s) => s.zh)).toEqual([
      '监督抽查结果不合格的',
      '发现产业集聚区普遍性质量问题或产业链共性质量瓶颈的',
      '新兴产业、新产品研发生产存在突出质量技术难题的',
      '发现区域性、行业性、系统性质量安全风险隐患的',
      '其他通过监管措施收集的信息',
    ]);
  });

  it('has the start rules verbatim', () => {
    expect(startRules.map((r) => [r.trigger, r.decision])).toEqual([
      ['supervision', 'not-started'],
      ['supervision', 'started'],
      ['application', 'started'],
      ['application', 'not-started'],
    ]);
    expect(startRules[0].text.zh).toContain('按常规监管流程督促整改，不启动帮扶');
    expect(startRules[1].text.zh).toContain('涉及人身健康、财产安全、生态环境安全、系统性风险、行业性或区域性等问题的');
    expect(startRules[3].text.zh).toBe('对申请内容失实，或属于市场竞争、经营决策等非质量技术类问题，以及其他不属于帮扶范围的情况，不启动帮扶。');
  });

  it('has the Annex A.1 fields and options', () => {
    expect(assistanceApplicationFields.map((f) => f.key)).toEqual([
      'orgName',
      'address',
      'contact',
      'phone',
      'industry',
      'size',
      'productCategory',
      'problemTypes',
      'problemOther',
      'problemDetails',
      'needs',
      'needOther',
      'measuresTaken',
      'willing',
      'commitment',
      'evidence',
    ]);
    expect(assistanceApplicationFields.find((f) => f.key === 'orgName')?.zh).toBe('单位名称（全称）');
    expect(assistanceApplicationFields.find((f) => f.key === 'phone')?.type).toBe('phone');
    expect(assistanceApplicationFields.find((f) => f.key === 'productCategory')?.origin).toBe('kekao');
    expect(enterpriseSizeOptions.map((o) => o.zh)).toEqual(['大型', '中型', '小型', '微型']);
    expect(problemTypeOptions.map((o) => o.zh)).toEqual([
      '监督抽查不合格',
      '生产过程质量波动',
      '体系建设不完善',
      '技术瓶颈（如设计 / 工艺 / 检测）',
      '行业共性问题',
      '其他',
    ]);
    expect(needOptions.map((o) => o.zh)).toEqual(['现场诊断与问题溯源', '质量管理体系搭建', '标准解读与应用', '检测技能培训', '定制化改进方案', '其他']);
    for (const f of assistanceApplicationFields) {
      expect(f.en.length).toBeGreaterThan(0);
      if (f.type === 'select' || f.type === 'multiselect') expect(f.options?.length).toBeGreaterThan(0);
    }
  });

  const app = {
    orgName: '某某机电有限公司',
    address: '上海市嘉定区某路1号',
    contact: '张三/质量经理',
    phone: '021-12345678',
    industry: '电机制造',
    size: 'small' as const,
    productCategory: 'industrial' as const,
    problemTypes: ['process-fluctuation' as const],
    problemDetails: '绕组电阻波动大',
    needs: ['diagnosis' as const],
    willing: true,
    commitment: true,
  };

  it('validates an A.1 application', () => {
    expect(assistanceApplicationSchema.safeParse(app).success).toBe(true);
    expect(assistanceApplicationSchema.safeParse({ ...app, phone: '12345' }).success).toBe(false);
    expect(assistanceApplicationSchema.safeParse({ ...app, commitment: false }).success).toBe(false);
    expect(assistanceApplicationSchema.safeParse({ ...app, problemTypes: ['other'] }).success).toBe(false);
    expect(assistanceApplicationSchema.safeParse({ ...app, problemTypes: ['other'], problemOther: '包装破损' }).success).toBe(true);
    expect(assistanceApplicationSchema.safeParse({ ...app, needs: [] }).success).toBe(false);
    expect(isChinesePhone('13812345678')).toBe(true);
    expect(isChinesePhone('021-64220000*2318')).toBe(true);
  });

  it('turns an application into a triage input', () => {
    const parsed = assistanceApplicationSchema.parse(app);
    const r = triageAssistance(triageInputFromApplication(parsed, { claimsVerified: true }));
    expect(r.decision).toBe('started');
  });
});

describe('triageAssistance', () => {
  const sup = (over: Partial<AssistanceTriageInput>): AssistanceTriageInput => ({
    trigger: 'supervision',
    productCategory: 'industrial',
    willing: true,
    ...over,
  });
  const apl = (over: Partial<AssistanceTriageInput>): AssistanceTriageInput => ({
    trigger: 'application',
    productCategory: 'industrial',
    willing: true,
    problemTypes: ['technical-bottleneck'],
    needs: ['diagnosis'],
    claimsVerified: true,
    ...over,
  });

  it('puts non-industrial products out of scope (term 3.1)', () => {
    for (const productCategory of ['food', 'drug', 'special-equipment', 'special-law'] as const) {
      for (const input of [sup({ productCategory, riskGrade: 'high' }), apl({ productCategory })]) {
        const r = triageAssistance(input);
        expect(r.decision).toBe('out-of-scope');
        expect(r.clause).toBe('3.1');
        expect(r.reasons[0].key).toBe('assistance.outOfScope.notIndustrial');
      }
    }
  });

  it('supervision, low risk: not started, rectify through normal supervision', () => {
    for (const input of [sup({ riskGrade: 'low' }), sup({ riskFactors: ['occasional', 'minor-nonconformity'] })]) {
      const r = triageAssistance(input);
      expect(r.decision).toBe('not-started');
      expect(r.clause).toBe('7.2.1');
      expect(r.riskGrade).toBe('low');
      expect(r.reasons[0].key).toBe('assistance.supervision.lowRisk');
      expect(r.reasons[0].zh).toContain('按常规监管流程督促整改');
    }
  });

  it('supervision, high risk and willing: started', () => {
    const r = triageAssistance(sup({ riskFactors: ['personal-health'], supervisionSources: ['spot-check-failure'] }));
    expect(r.decision).toBe('started');
    expect(r.riskGrade).toBe('high');
    expect(r.reasons[0].zh).toContain('人身健康');
    expect(triageAssistance(sup({ riskGrade: 'high' })).decision).toBe('started');
  });

  it('supervision, high risk but unwilling: not started, with the reason', () => {
    const r = triageAssistance(sup({ riskGrade: 'high', willing: false }));
    expect(r.decision).toBe('not-started');
    expect(r.reasons[0].key).toBe('assistance.supervision.highRiskUnwilling');
  });

  it('supervision: a high-risk factor overrides a low grade, with a warning', () => {
    const r = triageAssistance(sup({ riskGrade: 'low', riskFactors: ['regional'] }));
    expect(r.riskGrade).toBe('high');
    expect(r.decision).toBe('started');
    expect(r.warnings.map((w) => w.key)).toEqual(['assistance.risk.gradeRaised']);
  });

  it('supervision needs a risk grade or factors', () => {
    expect(() => triageAssistance(sup({}))).toThrow();
    expect(assistanceTriageInputSchema.safeParse(sup({})).success).toBe(false);
  });

  it('application with a need and willingness: started', () => {
    const r = triageAssistance(apl({}));
    expect(r.decision).toBe('started');
    expect(r.clause).toBe('7.2.2');
    expect(r.warnings).toEqual([]);
    expect(r.reasons[0].zh).toContain('技术瓶颈');
    const onlyNeed = triageAssistance(apl({ problemTypes: [], needs: ['qms-setup'] }));
    expect(onlyNeed.decision).toBe('started');
  });

  it('application not yet verified: started, with a warning to verify', () => {
    const r = triageAssistance(apl({ claimsVerified: undefined }));
    expect(r.decision).toBe('started');
    expect(r.warnings.map((w) => w.key)).toEqual(['assistance.application.unverified']);
  });

  it('application untrue, non-quality, out of scope, without need or unwilling: not started', () => {
    const cases: [Partial<AssistanceTriageInput>, string][] = [
      [{ claimsVerified: false }, 'assistance.application.untrue'],
      [{ nonQualityMatter: 'market-competition' }, 'assistance.application.nonQuality'],
      [{ nonQualityMatter: 'business-decision' }, 'assistance.application.nonQuality'],
      [{ nonQualityMatter: 'other-out-of-scope' }, 'assistance.application.outOfScope'],
      [{ problemTypes: [], needs: [] }, 'assistance.application.noNeed'],
      [{ willing: false }, 'assistance.application.unwilling'],
    ];
    for (const [over, key] of cases) {
      const r = triageAssistance(apl(over));
      expect(r.decision, key).toBe('not-started');
      expect(r.reasons.map((n) => n.key)).toEqual([key]);
    }
    const many = triageAssistance(apl({ claimsVerified: false, willing: false, nonQualityMatter: 'market-competition' }));
    expect(many.reasons.map((n) => n.key)).toEqual(['assistance.application.untrue', 'assistance.application.nonQuality', 'assistance.application.unwilling']);
    expect(triageAssistance(apl({ nonQualityMatter: 'market-competition' })).reasons[0].zh).toContain('市场竞争');
  });

  it('rejects invalid input', () => {
    expect(() => triageAssistance({ trigger: 'phone' } as unknown as AssistanceTriageInput)).toThrow();
    expect(() => triageAssistance(apl({ needs: ['money' as never] }))).toThrow();
  });
});
