import { describe, expect, it } from 'vitest';
import { answerRubricQuestion } from '../../src/conversation/rubricQa/answer.js';

/**
 * Where something counts when the question describes an indicator without naming it, and the
 * weights of the indicators not named — checked against the documents' words: 附件1 二、评价内容
 * (Ic “其关键性能参数的波动范围小的一种特性”, Id “长时间保持合格状态的特性”, Ir “各种极限应用场景”,
 * W “由于产品自身质量可靠性问题导致的故障数量或故障比率”, C “可靠性技术与方法的各种创新”) and the
 * score sheet's weights (Ic 20%、Id 25%、Ir 25%、W 15%、C 5%、G 10%).
 */

const zh = (q: string) => answerRubricQuestion(q, 'zh').replies[0]!.text.split('\n')[0]!;
const en = (q: string) => answerRubricQuestion(q, 'en').replies[0]!.text.split('\n')[0]!;

describe('an indicator described in an engineer’s words', () => {
  it('is named, with the first sentence of its definition', () => {
    expect(zh('同一批次的产品测下来读数都差不多，这在哪一项里加分')).toContain(
      'Ic（关键性能一致性）：是指质量检验合格的产品，其关键性能参数的波动范围小的一种特性',
    );
    expect(zh('我们的产品用了三年性能也没往下掉，看哪个指标')).toContain('Id（关键性能退化量）');
    expect(zh('零下三十度的高寒地区也能正常工作，算哪项')).toContain('各种极限应用场景');
    expect(zh('我们的产品在很冷很热的地方都要用，评分里怎么体现')).toContain('Ir（关键性能可靠域）');
    expect(zh('返修和客诉少了很多，能在哪方面得分')).toContain('由于产品自身质量可靠性问题导致的故障数量或故障比率');
    expect(zh('拿到了两项发明专利，这个能加分吗')).toContain('可靠性技术与方法的各种创新');
    expect(en('which indicator covers the spread between units of the same batch?')).toContain('Ic');
  });
  it('but a question that names its indicator, or asks no "where", is answered as before', () => {
    expect(zh('一致性的权重是多少')).toContain('Ic（关键性能一致性）20%');
    expect(zh('同一批次的产品测下来读数都差不多')).not.toContain('这属于');
  });
});

describe('the weights of the indicators not named', () => {
  it('"Ic 20% Id 25%, the rest?" gives the other four', () => {
    const text = zh('Ic占20%，Id占25%，剩下的几项呢');
    for (const w of ['Ir（关键性能可靠域）25%', 'W（售后责任故障数（率））15%', 'C（创新性）5%', 'G（可推广性）10%']) expect(text).toContain(w);
    expect(text).not.toContain('Ic（');
    expect(en('we know ic is 20% and id 25%, what about the remaining ones?')).toMatch(/Ir 25%.*W 15%.*C 5%.*G 10%/);
  });
  it('a percentage that is not a share is no weight question', () => {
    expect(answerRubricQuestion('Ic的合格率要到95%吗', 'zh').question.facet).not.toBe('weight');
  });
});
