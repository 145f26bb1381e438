import { describe, expect, it } from 'vitest';
import { answerRubricQuestion } from '../../src/conversation/rubricQa/answer.js';
import { formClause } from '../../src/conversation/rubricQa/formClause.js';
import { understand } from '../../src/conversation/understanding/understand.js';

/**
 * Whether data, tests and samples count, where data belongs, and the forms' word limits, checked
 * against the documents' words: the definitions of 附件1 二、评价内容 — Ic “企业至少需要提供“产品出厂时（t＝0）”
 * 的关键性能一致性数据”, Ic/Id “在实验室经历过一定时间典型工作模式和环境条件的模拟试验”, Ir “也可以采用实验室
 * 测试方法…每种极限应用场景至少测试一个样品”, W “推荐企业提供开展产品质量可靠性提升工作前后的售后责任故障对比
 * 数据”; the groups “专业指标…包括：关键性能一致性（Ic）…” and “效益指标…包括：售后责任故障数（率）（W）…”;
 * 附件4 “总体情况介绍，500字以内” and “（3000字以内）”, 附件2 “不超过500字”, “不超过1000字”; 三、推荐材料
 * （一）“（附件1）…（附件2）” and （二）“（附件3）…（附件4）”.
 */

const zh = (q: string) => answerRubricQuestion(q, 'zh').replies[0]!.text;
const en = (q: string) => answerRubricQuestion(q, 'en').replies[0]!.text;
const firstLine = (text: string) => text.split('\n')[0]!;

describe('whether laboratory data count is said by the definitions, not by the bands', () => {
  it('for Ir, even when the question says 打分', () => {
    for (const q of ['可靠域打分的时候，实验室模拟的数据能用吗', 'Ir可以用实验室测出来的数据吗', '极限场景能不能用实验室模拟']) {
      expect(firstLine(zh(q)), q).toContain('也可以采用实验室测试方法');
      expect(answerRubricQuestion(q, 'zh').indicators, q).toContain('Ir');
    }
    expect(firstLine(en('can we use lab test data for Ir'))).toContain('实验室测试方法');
  });
  it('without an indicator: every definition that speaks of the laboratory', () => {
    const text = zh('实验室加速试验的数据能用吗');
    expect(text).toContain('在实验室经历过一定时间典型工作模式和环境条件的模拟试验');
    expect(text).toContain('也可以采用实验室测试方法');
    // 模拟试验 are the words of Ic and Id (Ir says 实验室测试方法).
    const simulated = zh('实验室模拟试验的结果算不算数').split('\n\n')[0]!;
    expect(simulated).toMatch(/^Ic：.*在实验室经历过一定时间典型工作模式和环境条件的模拟试验/);
    expect(simulated).toContain('Id：');
    expect(firstLine(en('Are accelerated laboratory test results accepted?'))).toContain('实验室');
  });
});

describe('what data must be provided', () => {
  it('t=0 data: Ic’s “至少需要提供”', () => {
    for (const q of ['出厂时t=0的数据是必须的吗', '一致性一定要提供出厂时的数据吗', 't＝0的数据非交不可吗']) {
      expect(firstLine(zh(q)), q).toContain('企业至少需要提供“产品出厂时（t＝0）”的关键性能一致性数据');
    }
    expect(firstLine(en('Is data at t=0 (when the product leaves the factory) mandatory?'))).toContain('至少需要提供');
  });
  it('samples: Ir’s “至少测试一个样品”, in simplified and traditional characters', () => {
    for (const q of ['樣品數量有規定嗎', '样品要测几个', '每个场景要几个样品']) {
      expect(firstLine(zh(q)), q).toContain('每种极限应用场景至少测试一个样品');
    }
    expect(firstLine(en('How many samples do we need to test?'))).toContain('至少测试一个样品');
  });
  it('W: the after-sales failures before and after the improvement', () => {
    expect(firstLine(zh('W要提供改进前后的故障统计吗'))).toContain('提升工作前后的售后责任故障对比数据');
    const english = answerRubricQuestion('do we need failure statistics before and after the improvement for W', 'en');
    expect(english.indicators).toContain('W');
    expect(firstLine(english.replies[0]!.text)).toContain('提升工作前后的售后责任故障对比数据');
    // 三包 are after-sales repairs: W’s definition, “在产品售后统计得到的…故障数量或故障比率”.
    expect(firstLine(zh('故障统计用三包数据行不行'))).toContain('售后统计');
  });
  it('a question the definitions do not answer is not given one of their sentences', () => {
    // Ic’s definition says nothing of samples; note (a)’s 样本量合理 or retrieval answers instead.
    expect(firstLine(zh('Ic需要多少个样品'))).not.toMatch(/^Ic：/);
  });
});

describe('where reliability data belong: the two groups name their indicators', () => {
  it('in Chinese and English', () => {
    for (const text of [zh('我们的MTBF数据能放到哪个指标里'), zh('寿命试验数据算哪个指标'), en('Which indicator does our failure rate data go under?')]) {
      expect(text).toContain('包括：关键性能一致性（Ic）、关键性能退化量（Id）、关键性能可靠域（Ir）');
      expect(text).toContain('包括：售后责任故障数（率）（W）、创新性（C）、可推广性（G）');
    }
  });
  it('is a rubric question, not the company’s status', () => {
    for (const q of ['我们的MTBF数据能放到哪个指标里', '我们的寿命数据归哪个指标']) expect(understand(q).intent, q).toBe('rubric');
  });
});

describe('the forms’ word limits', () => {
  it('FMEA: 附件4’s 500 and 3000 characters', () => {
    for (const q of ['FMEA推荐表字数有限制吗', 'FMEA案例能写多长', 'FMEA案例字数有限制吗']) {
      const clause = formClause(q, 'zh')!;
      expect(clause.lead, q).toContain('3000字以内');
      expect(clause.lead, q).toContain('500字以内');
      expect(clause.citation, q).toContain('附件4');
    }
    expect(formClause('is there a word limit for the FMEA case form', 'en')?.lead).toContain('3000字以内');
  });
  it('a field named is that field’s limit', () => {
    expect(formClause('FMEA案例简介多少字', 'zh')?.lead).toBe('案例简介：总体情况介绍，500字以内');
    expect(formClause('关键性能写多少字', 'zh')?.lead).toContain('不超过1000字');
  });
  it('best practice: 附件2’s limits', () => {
    const clause = formClause('推荐表有字数限制吗', 'zh')!;
    expect(clause.lead).toContain('不超过500字');
    expect(clause.lead).toContain('不超过1000字');
    expect(clause.citation).toContain('附件2');
    expect(clause.lead).not.toContain('3000字');
  });
  it('which form: FMEA cases 附件3/4, best practice 附件1/2', () => {
    const fmea = formClause('FMEA案例填哪个表', 'zh')!.lead;
    expect(fmea).toContain('（附件3）');
    expect(fmea).toContain('（附件4）');
    const bp = formClause('最佳实践填哪个表', 'zh')!.lead;
    expect(bp).toContain('（附件1）');
    expect(bp).toContain('（附件2）');
    expect(formClause('which form is for the FMEA case', 'en')!.lead).toContain('（附件4）');
  });
  it('are materials questions', () => {
    expect(understand('FMEA推荐表字数有限制吗').intent).toBe('materials');
    expect(understand('FMEA案例能写多长').intent).toBe('materials');
  });
});

describe('understanding', () => {
  it('what a band takes is asked, not a score entered', () => {
    for (const q of ['Ir 场景覆盖要多全面才能上90', 'G要推广到什么程度才能上90']) expect(understand(q).intent, q).toBe('rubric');
    expect(understand('what does Ir need to get above 90').intent).toBe('rubric');
    expect(understand('Ir 76 覆盖比较全面').intent).toBe('scoreEntry');
  });
  it('the tables the bureaux attach are materials', () => {
    for (const q of ['市局报省局要附哪些表', '区局往市局报的时候附什么表']) expect(understand(q).intent, q).toBe('materials');
    expect(understand('what tables should be attached to the report to the province').intent).toBe('materials');
  });
  it('laboratory data are a rubric question', () => {
    expect(understand('are accelerated laboratory test results accepted').intent).toBe('rubric');
  });
});
