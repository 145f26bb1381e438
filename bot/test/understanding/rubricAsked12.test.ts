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

describe('English rubric questions reach the clause that answers them', () => {
  it('how an indicator is computed is said by its definition (Ic: 变异系数)', () => {
    expect(en('How is the consistency indicator computed?')).toContain('变异系数');
    expect(en('how do you measure degradation')).toContain('关键性能退化量（Id）');
  });
  it('a weight row answers only a question about weights', () => {
    expect(en('what counts as an innovation for C')).toContain('各种创新');
    expect(en('Ic weighting?')).toContain('Ic 20%');
    expect(zh('创新性C占几%')).toContain('C（创新性）5%');
  });
  it('the two groups, and how the total is formed', () => {
    const groups = answerRubricQuestion("which indicators are 'professional' and which are 'benefit' ones?", 'en').replies[0]!.text;
    expect(groups).toContain('专业指标是主要体现产品质量可靠性的直接技术类指标');
    expect(groups).toContain('效益指标应反映产品质量可靠性水平提升取得的质量效益和社会效益');
    for (const q of ['Is the total score a weighted sum?', 'how is the weighted score of an indicator worked out, raw score times weight?']) {
      expect(answerRubricQuestion(q, 'en').replies[0]!.text, q).toContain('总分为所有“单项加权得分”之和');
    }
    expect(answerRubricQuestion('加权得分是不是原始分乘权重', 'zh').replies[0]!.text).toContain('单项加权得分 = 单项原始得分 × 权重');
  });
  it('the sample size is note (a)’s “样本量合理”, with no number', () => {
    const text = answerRubricQuestion('what sample size is reasonable for the consistency data?', 'en').replies[0]!.text;
    expect(text).toContain('样本量合理');
    expect(zh('一致性测试的样本量要多大')).toContain('没有规定具体数量');
    // Ir has its own rule: one sample per extreme scenario.
    expect(zh('Ir要测几个样品')).toContain('每种极限应用场景至少测试一个样品');
  });
});

describe('engineers’ words for what the rubric measures', () => {
  it('the difference between two indicators is both definitions’ first sentences', () => {
    const text = zh('可靠域跟退化量有啥区别');
    expect(text).toContain('关键性能可靠域（Ir）：是指质量检验合格的产品，能保证关键性能裕量大于零的各种极限应用场景。');
    expect(answerRubricQuestion('可靠域跟退化量有啥区别', 'zh').replies[0]!.text.split('\n')[1]).toContain('关键性能退化量（Id）：是指');
  });
  it('a percentage of decay is a measurement, not a weight', () => {
    expect(answerRubricQuestion('退化量是看衰减百分比吗', 'zh').question.facet).not.toBe('weight');
    expect(zh('Ic占总分百分比多少')).toContain('Ic（关键性能一致性）20%');
  });
  it('statistics words lead to the sentences that use them', () => {
    expect(en('what standard deviation counts as good consistency')).toContain('标准差与均值之比');
    expect(en('how do warranty claims feed into the score')).toContain('That is W');
    expect(en('how much does innovation count')).toContain('C 5%');
    expect(en('which weighs more, Id or Ir?')).toContain('Id 25%');
  });
});

describe('how something described without its indicator is scored', () => {
  it('is answered as if the indicator were named, after the definition’s sentence of method', () => {
    const spread = answerRubricQuestion('同一批次产品输出电压的离散性怎么评分', 'zh').replies[0]!.text;
    expect(spread).toContain('这属于 Ic（关键性能一致性）：关键性能一致性根据实际测试结果计算性能参数的变异系数');
    expect(spread).toContain('Ic（关键性能一致性，权重20%）按四档评分');
    // A spread still very small after two years in the field: less is better, so the top band.
    expect(answerRubricQuestion('产品在客户现场用了两年后再抽测，离散程度还很小，这能到哪一档', 'zh').replies[0]!.text).toContain(
      'Ic 91～100分：在满足“基本要求（a）”的基础上，产品出厂时（t＝0）和产品使用一段时间后（t﹥0）两个阶段的关键性能一致性都很好',
    );
    expect(zh('零件磨损随时间变大，这种数据在评分里看什么')).toContain('这属于 Id（关键性能退化量）：根据测试结果判断合格的产品，计算其性能退化程度');
  });
});

describe('FMEA cases', () => {
  it('the indicators of a case are its four groups; its risk factors are one item’s criterion', () => {
    expect(zh('FMEA案例评价有哪些指标')).toContain('案例策划20分、案例实施30分、案例成效30分、案例先进性20分');
    expect(zh('FMEA里风险评分要看哪几个因素')).toContain('各风险因素（如：严重度、可探测度、发生频次）的评分合理');
    expect(en('how are severity and occurrence rated in the FMEA case')).toContain('严重度');
  });
});

describe('what the indicators are evaluated on', () => {
  it('the factors of the professional group, or of the benefit group for W, C and G', () => {
    expect(zh('IC打分要看哪些因素')).toContain('关键性能参数选取合理性、样品状态有效性、样本量合理性');
    expect(zh('关键性能参数怎么选才算合理')).toContain('关键性能参数选取合理性');
    expect(zh('效益类指标主要看哪些因素')).toContain('数据信息来源的可信性、计算方法的合理性');
    expect(zh('W评分考虑哪些因素')).toContain('在评价产品效益性指标（W、C、G）时需要考虑的因素');
  });
  it('how data is shown under an indicator is said by its definition', () => {
    expect(zh('field returns的数据怎么体现到W里')).toContain('推荐企业提供开展产品质量可靠性提升工作前后的售后责任故障对比数据');
  });
});

describe('how one indicator is evaluated, and falling short of its requirement', () => {
  it('"Id怎么评" leads with the definition’s sentence of method, then the bands', () => {
    const text = zh('退化亮怎么评');
    expect(text).toContain('根据测试结果判断合格的产品，计算其性能退化程度');
    expect(answerRubricQuestion('退化亮怎么评', 'zh').replies[0]!.text).toContain('Id（关键性能退化量，权重25%）按四档评分');
  });
  it('zero for too few scenarios is asked about Ir’s minimum, not about falsified data', () => {
    expect(zh('Ir场景少于三种是不是直接0分')).toContain('极限应用场景不少于3种');
    expect(zh('数据造假是不是直接0分')).toContain('造假，相应指标评分得0分');
  });
});

describe('what one indicator means, full marks, and what it looks at', () => {
  it('one indicator’s meaning is its definition, whatever else the message says', () => {
    expect(zh('退化量这个指标具体是什么意思？我们产品设计寿命十年，不知道怎么证明')).toContain('长时间保持合格状态的特性');
  });
  it('full marks of each indicator is note (b), then the weights', () => {
    const text = answerRubricQuestion('每个单项满分是100还是按权重算的', 'zh').replies[0]!.text;
    expect(text).toContain('每个单项原始得分的满分分值为100分');
    expect(text).toContain('Ic 20%');
  });
  it('what scoring an indicator looks at is its definition, before the bands', () => {
    expect(zh('G这一项打分主要看什么')).toContain('在行业内外具有广泛的借鉴意义');
  });
  it('weights asked by pinyin initials and English names', () => {
    expect(zh('Ir的qz是多少')).toContain('Ir（关键性能可靠域）25%');
    expect(en('creativity and promotability, what weights?')).toContain('C 5%, G 10%');
  });
});

describe('the top and bottom bands in any wording', () => {
  it('最低那一档 / 最高那一档 name the bands, not the definition', () => {
    expect(zh('G 最低那一档是什么描述')).toContain('G 0～40分：企业在产品质量可靠性水平提升工作中采取的可靠性技术和方法为本行业提供很少的借鉴意义');
    expect(zh('Ic最高那一档要求是啥')).toContain('Ic 91～100分');
  });
});

describe('shares in words, made-up data, and FMEA items by their first word', () => {
  it('百分之五 is a weight; data made up is note (d); 团队 is the item 团队完整', () => {
    expect(zh('创新性才占百分之五？这么少？')).toContain('C（创新性）5%');
    expect(zh('要是材料里有一项数据是编的，是整份作废还是那项零分？')).toContain('相应指标评分得0分');
    expect(zh('FMEA团队那一项怎么打分')).toContain('“团队完整”标准分5分：组织跨部门工作小组');
  });
});

describe('weights in pinyin and English percentages', () => {
  it('quanzhong and "5 percent" are weight questions', () => {
    expect(zh('创新性 quanzhong')).toContain('C（创新性）5%');
    expect(en('Is C really just 5 percent?')).toContain('C 5%');
  });
});
