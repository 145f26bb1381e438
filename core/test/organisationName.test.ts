import { describe, expect, it } from 'vitest';
import { organisationNameKey, registryMismatches, sameOrganisationName, sameWrittenName } from '../src/index.js';

/** Organisation names for recusal and for the registry check; expected keys written out by hand. */
describe('organisation names', () => {
  it.each([
    ['上海甲公司', '上海甲'],
    ['上海甲有限公司', '上海甲'],
    ['上海甲有限责任公司', '上海甲'],
    ['上海甲股份有限公司', '上海甲'],
    [' 上海甲　有限 公司 ', '上海甲'],
    ['上海甲（集团）有限公司', '上海甲集团'],
    ['上海甲[集团]有限公司', '上海甲集团'],
    ['ＡＢＣ电子有限公司', 'abc电子'],
    ['Shanghai Jia Co., Ltd.', 'shanghaijia'],
    ['Shanghai Jia Company Limited', 'shanghaijia'],
    ['公司', '公司'],
  ])('%s → %s', (name, key) => {
    expect(organisationNameKey(name)).toBe(key);
  });

  it('same organisation for recusal', () => {
    expect(sameOrganisationName('上海甲公司', '上海甲有限责任公司')).toBe(true);
    expect(sameOrganisationName('上海甲公司', '上海甲科技有限公司')).toBe(false);
    expect(sameOrganisationName('上海甲公司', '上海乙公司')).toBe(false);
    expect(sameOrganisationName(null, '上海甲公司')).toBe(false);
    expect(sameOrganisationName('', '')).toBe(false);
  });

  it('same written name ignores width, spaces and case only', () => {
    expect(sameWrittenName('上海乙有限公司', ' 上海乙 有限公司')).toBe(true);
    expect(sameWrittenName('ＡＢＣ有限公司', 'abc有限公司')).toBe(true);
    expect(sameWrittenName('上海乙公司', '上海乙有限公司')).toBe(false);
  });

  it('lists where the evidence and the registry disagree', () => {
    expect(registryMismatches({ name: '上海乙有限公司', uscc: undefined }, { name: '上海乙有限公司', uscc: null })).toEqual([]);
    const m = registryMismatches({ name: '上海甲公司', uscc: '91310115ma1k3yj10x' }, { name: '上海乙有限公司', uscc: '91310115MA1K3YJ111' });
    expect(m.map((x) => [x.field, x.stated, x.registered])).toEqual([
      ['enterprise.name', '上海甲公司', '上海乙有限公司'],
      ['enterprise.uscc', '91310115MA1K3YJ10X', '91310115MA1K3YJ111'],
    ]);
    expect(m[0]!.zh).toBe('需核实：申报材料中的企业名称为“上海甲公司”，与登记名称“上海乙有限公司”不一致');
  });
});
