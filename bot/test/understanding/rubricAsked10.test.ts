import { describe, expect, it } from 'vitest';
import { answerRubricQuestion } from '../../src/conversation/rubricQa/answer.js';
import { formClause } from '../../src/conversation/rubricQa/formClause.js';
import { analyse } from '../../src/conversation/rubricQa/question.js';
import { campaign2025 } from '@kekao/core';
import { campaignView } from '../../src/conversation/serviceBindings.js';
import { indicatorsIn } from '../../src/conversation/understanding/indicators.js';
import { understand } from '../../src/conversation/understanding/understand.js';

/**
 * Rubric and form questions worded as people word them, checked against the documents' words:
 * 附件1 评分表 (C 91～100 “颠覆式创新性”, W 91～100 “很少（低）”, Ir 41～70 “覆盖情况有限”),
 * 评分说明（d）“造假…得0分”, 二、评价内容（二）效益指标 “售后责任故障数（率）（W）、创新性（C）、
 * 可推广性（G）”, the definition of Id “关键性能退化量（Id）”, 附件2 填报说明 “如没有相关信息，填写无”, and
 * 五、评定公布（二）“拟评定对象名单由上海市市场监督管理局汇总后予以公示”.
 */

const zh = (q: string) => answerRubricQuestion(q, 'zh').replies[0]!.text;
const en = (q: string) => answerRubricQuestion(q, 'en').replies[0]!.text;
const firstLine = (text: string) => text.split('\n')[0]!;

describe('full marks of an indicator ask for its top band, not note (b)', () => {
  it('in Chinese, however it is worded', () => {
    for (const q of ['创新性满分要什么条件', '创新性怎样才能满分', 'C要达到什么才能拿满分', '创新性满分需要满足哪些', '什么情况下C能满分']) {
      expect(firstLine(zh(q)), q).toContain('C 91～100分');
      expect(zh(q), q).toContain('颠覆式创新性');
    }
  });
  it('in English', () => {
    for (const q of ['What does it take to get full marks for innovation?', 'what is needed for full marks on C']) {
      expect(firstLine(en(q)), q).toContain('C 91–100');
    }
  });
  it('what full marks are is still note (b)', () => {
    expect(firstLine(zh('满分是多少分'))).toContain('满分分值为100分');
  });
});

describe('a level said in words names its band', () => {
  it('few failures are W’s top band; a lot are its bottom one', () => {
    // W 91～100 “产品售后责任故障数（率）很少（低）”, 0～40 “很多（高）”.
    expect(firstLine(zh('W很低的话能拿多少'))).toContain('W 91～100分');
    expect(firstLine(zh('售后故障率很高的话能得几分'))).toContain('W 0～40分');
    expect(firstLine(en('If after-sales failures are very low, what score does W get?'))).toContain('W 91–100');
  });
  it('good and poor name the rows 很好…较差 of the other indicators', () => {
    expect(firstLine(zh('可推广性很好的话能拿多少'))).toContain('G 91～100分');
    expect(firstLine(zh('创新性较差给几分'))).toContain('C 0～40分');
  });
  it('a band’s own words name it', () => {
    // Ir 41～70 “…极限应用场景覆盖情况有限…”.
    expect(firstLine(zh('可靠域覆盖有限给几分'))).toContain('Ir 41～70分');
  });
});

describe('0 points outright are note (d)', () => {
  it('in Chinese and English', () => {
    for (const q of ['啥情况下指标直接0分', '什么情况会被打零分', '哪些情况下得0分']) expect(zh(q), q).toContain('造假');
    expect(en('When does an indicator get zero points?')).toContain('造假');
    expect(analyse('啥情况下指标直接0分').notes).toEqual(['d']);
    // A band's score is not note (d).
    expect(analyse('Ic 80分什么情况').notes).toEqual([]);
  });
});

describe('the two groups of indicators by name', () => {
  it('benefit and professional, in English and Chinese', () => {
    const benefit = en('Which indicators belong to the benefit group?');
    for (const name of ['售后责任故障数（率）（W）', '创新性（C）', '可推广性（G）']) expect(benefit).toContain(name);
    expect(en('what are the professional indicators')).toContain('关键性能退化量（Id）');
    expect(zh('效益指标有哪些')).toContain('可推广性（G）');
    // Their weights are still the weights' answer.
    expect(firstLine(zh('效益指标权重多少'))).toContain('W');
  });
});

describe('the indicators by their English names', () => {
  it('are found, on word stems', () => {
    expect(indicatorsIn('what does key performance degradation mean')).toEqual(['Id']);
    expect(indicatorsIn('how is key-performance consistency measured')).toEqual(['Ic']);
    expect(indicatorsIn('the reliability domain criteria')).toEqual(['Ir']);
    expect(indicatorsIn('after-sales failure rate')).toEqual(['W']);
    expect(indicatorsIn('how innovative must the methods be for innovation')).toEqual(['C']);
    expect(indicatorsIn('generalisability or replicability')).toEqual(['G']);
    // "consists of" is not consistency; "reliability innovation" is the programme's name.
    expect(indicatorsIn('the benefit group consists of three')).toEqual([]);
    expect(indicatorsIn('the reliability innovation best practice programme')).toEqual([]);
  });
  it('answer with the indicator’s definition', () => {
    const a = answerRubricQuestion('Could you explain what "key performance degradation" means in the rubric?', 'en');
    expect(a.indicators).toContain('Id');
    expect(a.replies[0]!.text).toContain('关键性能退化量（Id）');
  });
});

describe('a form field with nothing to fill in', () => {
  it('is the fill-in note: 填写无', () => {
    for (const q of ['推荐表里统一社会信用代码、电子邮箱这些都要填？没有的话怎么办', '有些栏目我们没有相关内容可以空着吗', '这一项不适用填什么']) {
      expect(formClause(q, 'zh')?.lead, q).toContain('填写无');
    }
    expect(formClause("What if we don't have some of the information the form asks for?", 'en')?.lead).toContain('填写无');
  });
});

describe('asking what score something gets is a rubric question, not a score entry', () => {
  it('with no score said', () => {
    for (const q of ['可靠域覆盖有限给几分', 'W很低的话能拿多少', '创新性一般的话打多少分']) expect(understand(q).intent, q).toBe('rubric');
    // A score said is still entered.
    expect(understand('Ic 85').intent).toBe('scoreEntry');
  });
});

describe('the flow includes the publication, in both languages', () => {
  it('quotes the notice’s 予以公示 in English too', () => {
    const flow = campaignView(campaign2025).flow;
    expect(flow.some((s) => s.zh.includes('公示'))).toBe(true);
    expect(flow.some((s) => s.en.includes('拟评定对象名单由上海市市场监督管理局汇总后予以公示'))).toBe(true);
    expect(flow.some((s) => s.en.includes('publishes the list'))).toBe(true);
  });
});

describe('the evaluation principles asked for by their number', () => {
  it('lists all three (附件1 一、评价原则: 方法科学性、数据有效性、材料规范性)', () => {
    for (const q of ['可靠性评价的三个原则', '评价有哪几条原则', '3个原则是什么']) {
      const text = zh(q);
      for (const name of ['方法科学性', '数据有效性', '材料规范性']) expect(text, `${q} ${name}`).toContain(name);
    }
  });
});

describe('weights as points, low scores, and objections', () => {
  it('占几个点 asks for the weight; 给低分 for the bottom band (附件1 评分表: C 5%, W 0～40 “很多（高）”)', () => {
    expect(firstLine(zh('创新性占几个点'))).toContain('5%');
    expect(zh('W 给低分是什么标准')).toContain('0～40');
  });
  it('an objection is part of the flow (五、评定公布（二）“…予以公示…异议…”)', () => {
    expect(understand('有异议怎么办')).toMatchObject({ kind: 'answer', intent: 'flow' });
  });
});
