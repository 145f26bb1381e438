import type { Script } from '../scriptFormat.js';

/** The card path: typed values kept after a bad submit, text and card combined, one case per card, the open-case warning. */

const CARD = {
  uscc: '91310115MA1H7XK00H',
  address: '上海市浦东新区张江路100号',
  contact: '李四/厂长',
  phone: '021-50801234',
  industry: '仪器仪表制造业',
  size: 'small',
  productCategory: 'industrial',
  problemTypes: 'technical-bottleneck',
  problemDetails: '压力传感器温漂大',
  needs: 'standards',
  willing: 'yes',
  commitment: 'yes',
};

export const cardsZh: Script = {
  name: 'cards-zh',
  lang: 'zh',
  covers: '3. card keeps typed values; text+card combined; idempotent submit; open-case warning',
  steps: [
    // The form: Teams offers it as one card (its submit carries the card's id); WeCom, whose cards take no typed input, says so and asks field by field.
    {
      who: 'officerPudong',
      say: '申请帮扶',
      expect: { contains: ['第 1/15 项：请填写「单位名称（全称）」'], buttons: ['取消'] },
      on: { teams: { cardContains: ['assistance.submit', 'cardId'] }, wecom: { cardContains: ['企业微信卡片不能输入文字'] } },
    },
    { who: 'officerPudong', say: '浦江阀门有限公司', expect: { contains: ['已记录「单位名称（全称）」：浦江阀门有限公司'] } },
    // The card is sent without the name (given by text) and with two wrong fields.
    // Two wrong values: Teams' whole-form submit lists both and keeps every typed value on the card; a WeCom member's
    // answers are kept one by one, and the wrong phone number is asked again before anything else.
    {
      who: 'officerPudong',
      fill: { ...CARD, phone: '5080-1234', size: 'huge' },
      expect: { contains: ['不是有效的电话号码'] },
      on: {
        teams: { contains: ['2 处需要修改'], cardContains: ['5080-1234', 'huge', '浦江阀门有限公司', '压力传感器温漂大'] },
        wecom: {
          contains: ['已记录「联系人/职务」：李四/厂长', '「联系电话」“5080-1234”不是有效的电话号码', '第 5/15 项：请填写「联系电话」'],
          notContains: ['已记录「联系电话」'],
        },
      },
    },
    { who: 'officerPudong', fill: CARD, expect: { contains: ['已受理，待监管人员审核'] }, capture: { name: 'caseNo', pattern: '(BF-\\d{4}-\\d{4})' } },
    // The same submission once more (Teams: the card's submit pressed again; WeCom: the platform's retry of the last
    // delivery, which it cannot tell from a double tap): one case, never a second receipt.
    {
      who: 'officerPudong',
      repeat: true,
      expect: { notContains: ['已受理'] },
      on: { teams: { contains: ['已经提交过', '${caseNo}'] }, wecom: { silent: true } },
    },
    { who: 'officerPudong', say: '帮扶申请', expect: { contains: ['单位名称'] } },
    { who: 'officerPudong', fill: { ...CARD, orgName: '浦江阀门有限公司' }, expect: { contains: ['已有进行中的帮扶案件 ${caseNo}'], buttons: ['仍然提交'] } },
    { who: 'officerPudong', press: { action: 'assistance.confirmDuplicate' }, expect: { contains: ['已受理，待监管人员审核'], notContains: ['${caseNo}'] } },
  ],
};

export const unregisteredApplicant: Script = {
  name: 'unregistered-applicant',
  lang: 'zh',
  covers: '3. anyone may apply: 未核验 case for the officer in scope; contacts and materials still answered',
  steps: [
    { who: 'officer', say: '你好', expect: { contains: ['帮扶申请'] } },
    { who: 'unregistered', say: '我们厂产品老是抽检不合格，想请专家来帮忙看看', expect: { contains: ['单位名称（全称）'] } },
    {
      who: 'unregistered',
      fill: {
        ...CARD,
        orgName: '石家庄新华铸件厂',
        uscc: '91130102MA0DXYW130',
        address: '河北省石家庄市长安区和平东路1号',
        phone: '13912345678',
        contact: '赵六/经理',
      },
      expect: { contains: ['已受理，待监管人员核实并审核', '未核验'] },
      capture: { name: 'caseNo', pattern: '(BF-\\d{4}-\\d{4})' },
      notifies: { who: 'officer', contains: ['${caseNo}', '未核验', '赵六/经理', '13912345678', '石家庄新华铸件厂'] },
    },
    { who: 'unregistered', say: '上海联系人', expect: { contains: ['邱正'] } },
    { who: 'unregistered', say: '要交哪些材料', expect: { contains: ['纸质版推荐表一式两份（加盖公章）'] } },
    { who: 'unregistered', say: '帮扶进度', expect: { contains: ['尚未在 kekao 登记'] } },
    { who: 'officer', say: '辖区里待核验的帮扶申请', expect: { contains: ['${caseNo}', '未核验', '核实申请人身份'] } },
  ],
};

export const outOfScope: Script = {
  name: 'out-of-scope',
  lang: 'zh',
  covers: '4. out-of-scope requests are not told they were registered for assistance',
  steps: [
    { who: 'officerPudong', say: '申请帮扶', expect: { contains: ['单位名称'] } },
    {
      who: 'officerPudong',
      fill: { ...CARD, orgName: '浦东食品有限公司', uscc: '91310115MA1H7XF01X', productCategory: 'food' },
      expect: { contains: ['不属于质量技术帮扶范围', '3.1'], notContains: ['已受理'] },
    },
  ],
};
