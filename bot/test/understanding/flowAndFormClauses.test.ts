import { describe, expect, it } from 'vitest';
import { campaign2025 } from '@kekao/core';
import { flowClause } from '../../src/conversation/flowClause.js';
import { formClause } from '../../src/conversation/rubricQa/formClause.js';
import { campaignView } from '../../src/conversation/serviceBindings.js';
import { normalise } from '../../src/conversation/understanding/normalise.js';

/**
 * A flow or materials question about one step or one box of the forms is answered first by the
 * notice's own clause: 五、评定公布（二）“拟评定对象名单由上海市市场监督管理局汇总后予以公示，接受社会
 * 监督。” and “公示期满无异议或者经核实异议不成立的，认定为…”; 五、评定公布（一）“…组织专家对申报材料
 * 进行综合评审…”; 附件2 “推荐单位意见（推荐单位公章）” and “企业负责人（签字）：（企业公章）”.
 */

const view = campaignView(campaign2025);
const step = (q: string) => flowClause(normalise(q), view)?.quote;

describe('the step of the flow a question is about', () => {
  it('is found by the words it shares with the step’s clause', () => {
    expect(step('各省评完以后名单由谁汇总、要不要公示？')).toBe('拟评定对象名单由上海市市场监督管理局汇总后予以公示，接受社会监督。');
    expect(step('公示期满没人提意见就算通过了吗')).toContain('公示期满无异议或者经核实异议不成立的');
    expect(step('专家评审是谁组织的')).toContain('组织专家对申报材料进行综合评审');
  });
  it('but a question about the whole flow names no step', () => {
    expect(step('推荐流程是怎样的')).toBeUndefined();
    expect(step('怎么申报，步骤有哪些')).toBeUndefined();
  });
});

describe('the box of the forms a materials question is about', () => {
  it('the recommending bureau’s seal, only when the bureau is named', () => {
    expect(formClause('推荐表除了企业盖章，还要推荐单位盖章吗', 'zh')?.quote).toContain('（推荐单位公章）');
    expect(formClause('does the recommending bureau need to stamp the form', 'en')?.quote).toContain('推荐单位公章');
    expect(formClause('推荐表要盖公章吗', 'zh')?.quote).toContain('（企业公章）');
  });
});

describe('what goes into a form as a whole', () => {
  it('lists the form’s sections with their fill-in notes, then the pledge and the bureau’s box', () => {
    const fmea = formClause('FMEA推荐表要写哪些内容', 'zh')!;
    expect(fmea.lead).toContain('案例简介（总体情况介绍，500字以内）；案例内容（3000字以内）');
    expect(fmea.quote).toContain('（推荐单位公章）');
    expect(formClause('最佳实践推荐表包括哪些部分', 'zh')!.lead).toContain('企业简介（简要介绍企业概况');
    // One section named is that section only.
    expect(formClause('企业简介写什么', 'zh')!.lead).toMatch(/^企业简介：简要介绍企业概况/);
  });
});

describe('the form’s head and its fill-in note', () => {
  it('the boxes at the head of the form, and where supporting material goes', () => {
    expect(formClause('统一社会信用代码要在推荐表里填吗', 'zh')?.quote).toContain('统一社会信用代码');
    expect(formClause('说明材料要单独提交还是跟推荐表一起', 'zh')?.lead).toContain('作为附件一同提交');
    // Nothing to fill in is the fill-in note's, whatever box is named.
    expect(formClause('推荐表里统一社会信用代码要填吗？没有的话怎么办', 'zh')?.lead).toContain('如没有相关信息，填写无');
    expect(formClause('我们没有获奖荣誉，推荐表那栏怎么填', 'zh')?.lead).toContain('如没有相关信息，填写无');
  });
});

describe('the FMEA form named by its own fields', () => {
  it('案例简介 is the FMEA case form’s, without the word FMEA', () => {
    expect(formClause('案例简介几个字以内', 'zh')?.lead).toBe('案例简介：总体情况介绍，500字以内');
    expect(formClause('企业简介限多少字', 'zh')?.lead).toContain('不超过500字');
  });
});
