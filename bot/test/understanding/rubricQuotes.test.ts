import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PASSAGES, QUOTE_PREFIX } from '../../src/conversation/rubricQa/passages.js';
import { answerRubricQuestion } from '../../src/conversation/rubricQa/answer.js';
import { formClause } from '../../src/conversation/rubricQa/formClause.js';

/**
 * Every quote the bot can give is the documents' text (whitespace aside; a line's label before
 * "：" is kekao's), and rubric answers lead with the fact — values checked against the documents
 * by hand: weights 20/25/25/15/5/10 % (2025 notice 附件1 评分表), note (d) 0 分, Ir 不少于3种, the FMEA
 * groups 20/30/30/20 (附件3).
 */

const read = (f: string) => readFileSync(new URL(`../../../docs/sources/${f}`, import.meta.url), 'utf8').replace(/\s+/g, '');
const sources = ['000_320ddd72321cb4f8.txt', '001_c10c4929410437d9.txt', '003_49db6c39af306765.txt', '004_a94570a008ed1e09.txt'].map(read);

describe('quotes', () => {
  it('every line of every passage appears in docs/sources/', () => {
    const missing: string[] = [];
    for (const p of PASSAGES) {
      for (const line of p.quote.split('\n')) {
        const text = line.replace(QUOTE_PREFIX, '').replace(/\s+/g, '');
        if (!sources.some((s) => s.includes(text))) missing.push(`${p.id}: ${text.slice(0, 40)}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('rubric answers lead with the fact', () => {
  const lead = (q: string) => answerRubricQuestion(q, 'zh').replies[0]!.text.split('\n')[0]!;
  it('weights, notes, bands, FMEA, tiers and meanings', () => {
    expect(lead('各指标权重分别是多少')).toContain('Ic 20%、Id 25%、Ir 25%、W 15%、C 5%、G 10%');
    expect(lead('Ic和Id的权重')).toBe('权重：Ic（关键性能一致性）20%、Id（关键性能退化量）25%。');
    expect(lead('评分说明（d）是什么')).toBe('说明（d）：评价过程中，如发现企业数据或信息造假，相应指标评分得0分。');
    expect(lead('基本要求是什么')).toContain('关键性能参数选取合理');
    expect(lead('Ir的分档标准')).toContain('91～100、71～90、41～70、0～40');
    expect(lead('极限应用场景至少要几种')).toContain('极限应用场景不少于3种');
    expect(lead('FMEA怎么评分')).toContain('案例策划20分、案例实施30分、案例成效30分、案例先进性20分');
    expect(lead('FMEA是什么')).toContain('FMEA');
    expect(lead('第一梯队是什么')).toContain('基本符合推荐条件的纳入第一梯队');
    expect(lead('什么是关键性能一致性')).toContain('波动范围小');
  });
  it("FMEA full marks and parts, the FMAE typo, and how to reach an indicator's top band", () => {
    const all = (q: string) => answerRubricQuestion(q, 'zh').replies[0]!.text;
    // Full marks 100 in four parts (附件3 FMEA应用典型案例评价要求).
    expect(lead('FMEA案例总共多少分，由哪几部分组成')).toContain('满分100分');
    expect(lead('FMEA案例总共多少分，由哪几部分组成')).toContain('案例策划20分');
    expect(lead('fema 满分几分')).toContain('案例先进性20分');
    expect(all('FMAE的评分方法')).toContain('标准分');
    // The top band of G (91～100) says 可复制、可推广 — the criterion, not only the weight.
    expect(all('可推广性怎么才能得高分')).toContain('G 91～100分');
    expect(all('Ir 最高档要满足什么')).toContain('Ir 91～100分');
  });
  it('a question about Ir never quotes another indicator or the FMEA note', () => {
    const a = answerRubricQuestion('Ir的分档标准是什么', 'zh');
    expect(a.passages.map((p) => p.id)).toEqual(['rel-Ir-criteria', 'rel-note-a']);
    expect(answerRubricQuestion('说明（a）是什么', 'zh').passages.map((p) => p.id)).toEqual(['rel-note-a']);
  });
  it('an FMEA item named without the word FMEA, or in English, answers with that item (附件3)', () => {
    // 附件3: 团队完整 5分，“组织跨部门工作小组，小组成员分工明确。”
    expect(lead('团队完整这一项怎么评')).toContain('组织跨部门工作小组');
    expect(lead('团队完整这一项怎么评')).toContain('标准分5分');
    // 失效、风险分析 10分: 严重度、可探测度、发生频次.
    expect(answerRubricQuestion('how is risk analysis scored in FMEA cases', 'en').replies[0]!.text).toContain('严重度');
    expect(answerRubricQuestion('what does the FMEA team item require', 'en').replies[0]!.text).toContain('跨部门');
    // 创新性 alone is the indicator C, not the FMEA item.
    expect(lead('创新性怎么评分')).toContain('C（创新性');
  });
  it('the lowest band, and a score "以上" asks for the band above it', () => {
    // 附件1 评分表: Ic 0～40 “产品出厂时（t＝0）关键性能一致性较差”; C 91～100 “颠覆式创新性”.
    expect(lead('Ic最低一档是什么情况')).toContain('Ic 0～40分');
    const c90 = answerRubricQuestion('C想拿90以上要做到什么', 'zh').replies[0]!.text;
    expect(c90).toContain('C 91～100分');
    expect(c90).toContain('颠覆式创新性');
    expect(c90).not.toContain('C 71～90分');
  });
});

describe('rubric questions asked as people ask them', () => {
  const lead = (q: string) => answerRubricQuestion(q, 'zh').replies[0]!.text.split('\n\n')[0]!;
  it('a weight as a percentage, bands in Chinese numerals, all bands, FMEA parts as blocks', () => {
    // 附件1 评分表: W 15%; G 71～90 “较好带动作用”; Id 91～100; FMEA 四个一级指标 (附件3).
    expect(lead('售后故障率那项占百分之几')).toContain('15%');
    expect(lead('可推广性七八十分那档啥要求')).toContain('G 71～90分');
    expect(lead('可推广性七八十分那档啥要求')).toContain('较好带动作用');
    expect(lead('Id九十多分要满足什么')).toContain('Id 91～100分');
    expect(lead('Ir 各档怎么区分')).toContain('91～100、71～90、41～70、0～40');
    expect(lead('FMEA案例评价分几块')).toContain('案例策划20分');
  });
  it('two things asked together are both answered; a list asked for is given whole', () => {
    const cg = lead('C和G分别是啥');
    expect(cg).toContain('创新性（C）：');
    expect(cg).toContain('可推广性（G）：');
    const groups = lead('专业指标和效益指标分别包括哪些');
    expect(groups).toContain('关键性能一致性（Ic）');
    expect(groups).toContain('售后责任故障数（率）（W）');
    // 附件1 一、评价原则: 方法科学性, 数据有效性, 材料规范性.
    const principles = lead('可靠性评价原则有哪几条');
    for (const p of ['方法科学性', '数据有效性', '材料规范性']) expect(principles).toContain(p);
    // One principle named: that one only.
    expect(lead('数据有效性是什么要求')).not.toContain('格式规范');
    // The groups' weights are still a weight question.
    expect(lead('专业指标和效益指标各占多少权重')).toContain('70%');
    expect(answerRubricQuestion('what happens if data is faked', 'en').replies[0]!.text).toContain('得0分');
    // 满分档 is the top band, not note (b); what the data must meet is the data principle.
    expect(lead('Ir满分档要求是啥')).toContain('覆盖非常全面');
    // 拿满分 with an indicator is its top band (C 91～100 “颠覆式创新性”); 参数选取 is note (a).
    expect(lead('创新性拿满分必须是颠覆式创新吗')).toContain('颠覆式创新性');
    expect(lead('关键性能参数选取不合理会扣分吗')).toContain('基本要求');
    expect(lead('数据要满足什么要求')).toContain('可验证');
  });
});

describe('form questions in English', () => {
  it('find the field by its Chinese name in 附件2', () => {
    // 附件2 企业简介: “（简要介绍企业概况……不超过500字）”.
    expect(formClause('word limit for the company profile?', 'en')?.lead).toContain('500');
    expect(formClause('how many words can the key performance section have', 'en')?.lead).toContain('1000');
    // Not saying FMEA: the best-practice forms (附件1 评价通用要求 / 附件2), not 附件3/4.
    expect(formClause('Which form do we fill in for a best practice nomination?', 'en')?.quote).toContain('附件2');
    expect(formClause('评价要求在哪个附件里看', 'zh')?.quote).toContain('附件1');
  });
});
