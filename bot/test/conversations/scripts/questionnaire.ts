import type { Script } from '../scriptFormat.js';

/** The questionnaire that forgives: questions mid-form, cancel words, skip, natural answers, invalid answers, the receipt and the officer's notice. */

const USCC = '91130102MA0DXYW12W'; // 17 characters + GB 32100 check character W (chatAssistanceIntake.test.ts)
const NO_KEYS = ['\\((intake|uscc|validation|assistance|score|review|auth)\\.\\w+\\)'];

export const questionnaireZh: Script = {
  name: 'questionnaire-zh',
  lang: 'zh',
  covers: '3. dialogue that forgives; 4. case numbers, 已受理/初步判定, officer notification, Beijing time',
  steps: [
    {
      who: 'officer',
      say: '我要帮企业申请帮扶',
      expect: { contains: ['单位名称（全称）'] },
      // The opening promises a form to fill in only where the card can hold typed answers.
      on: {
        teams: { contains: ['可以直接填写下面的申请表卡片'], cardContains: ['assistance.submit'] },
        wecom: { contains: ['请按提示逐项回复文字消息'], notContains: ['填写下面的申请表卡片'], cardContains: ['企业微信卡片不能输入文字'] },
      },
    },
    { who: 'officer', say: '截止时间是哪天', expect: { contains: ['2025年9月30日', '停在第 1/15 项「单位名称（全称）」'], buttons: ['继续填写'] } },
    { who: 'officer', press: { action: 'intake.continue' }, expect: { contains: ['请填写「单位名称（全称）」'] } },
    { who: 'officer', say: '石家庄恒达阀门有限公司', expect: { contains: ['已记录「单位名称（全称）」：石家庄恒达阀门有限公司', '统一社会信用代码'] } },
    { who: 'officer', say: USCC, expect: { contains: ['已记录「统一社会信用代码」'] } },
    { who: 'officer', say: '河北省石家庄市长安区中山东路88号', expect: { contains: ['已记录「生产 / 经营地址」'] } },
    { who: 'officer', say: '王强/质量部经理', expect: { contains: ['联系电话'] } },
    { who: 'officer', say: '号'.repeat(300), expect: { contains: ['不是有效的电话号码'], notContains: ['号'.repeat(30)], notMatches: NO_KEYS } },
    { who: 'officer', say: '电话是0311-86001234', expect: { contains: ['已记录「联系电话」：0311-86001234'] } },
    { who: 'officer', say: '通用设备制造业', expect: { contains: ['企业规模'] } },
    { who: 'officer', say: '中等', expect: { contains: ['已记录「企业规模」：中型'] } },
    { who: 'officer', say: '工业产品', expect: { contains: ['已记录「产品类别」：工业产品'] } },
    { who: 'officer', say: '跳过', expect: { contains: ['「质量问题描述」是必填项，不能跳过'] } },
    { who: 'officer', say: '2', expect: { contains: ['已记录「质量问题描述」：生产过程质量波动'] } },
    { who: 'officer', say: '阀门密封批次间泄漏率波动大', expect: { contains: ['帮扶核心诉求'] } },
    { who: 'officer', say: '现场诊断', expect: { contains: ['已记录「帮扶核心诉求」：现场诊断与问题溯源'] } },
    { who: 'officer', say: '跳过', expect: { contains: ['已跳过「已采取的自查 / 整改措施（如有）」'] } },
    { who: 'officer', say: '愿意配合', expect: { contains: ['：是。'] } },
    { who: 'officer', say: '好的', expect: { contains: ['已确认'] } },
    {
      who: 'officer',
      say: '跳过',
      expect: { contains: ['已受理，待监管人员审核。案件编号：BF-2025-', '初步判定：启动帮扶', '7.2.2'], notMatches: ['[0-9a-f]{8}-[0-9a-f]{4}-', ...NO_KEYS] },
      capture: { name: 'caseNo', pattern: '(BF-\\d{4}-\\d{4})' },
      notifies: {
        who: 'officer',
        contains: ['新的帮扶申请', '${caseNo}', '石家庄恒达阀门有限公司', '王强/质量部经理', '0311-86001234', '阀门密封批次间泄漏率波动大', '回复“${caseNo}”'],
      },
    },
    { who: 'officer', say: '${caseNo}', expect: { contains: ['${caseNo}', '初步判定：启动帮扶', '北京时间', '下一步'] } },
    { who: 'officer', say: '恒达阀门的帮扶案件', expect: { contains: ['${caseNo}'] } },
  ],
};

export const cancelWords: Script = {
  name: 'cancel-words',
  lang: 'zh',
  covers: '3. 不填了/不想填了/算了/退出 cancel; 帮扶 routed by meaning',
  steps: [
    { who: 'officer', say: '帮扶申请', expect: { contains: ['单位名称'] } },
    { who: 'officer', say: '不填了', expect: { contains: ['已取消帮扶申请'] } },
    { who: 'officer', say: '申请帮扶', expect: { contains: ['单位名称'] } },
    { who: 'officer', say: '石家庄某某有限公司', expect: { contains: ['已记录'] } },
    { who: 'officer', say: '我不想填了', expect: { contains: ['已取消帮扶申请'] } },
    { who: 'officer', say: '申请帮扶', expect: { contains: ['单位名称'] } },
    { who: 'officer', say: '算了', expect: { contains: ['已取消帮扶申请'] } },
    { who: 'officer', say: '申请帮扶', expect: { contains: ['单位名称'] } },
    { who: 'officer', say: '退出', expect: { contains: ['已取消帮扶申请'] } },
    { who: 'enterprise', say: '我的帮扶申请到哪了', expect: { notContains: ['单位名称（全称）'] } },
  ],
};

export const questionnaireEn: Script = {
  name: 'questionnaire-en',
  lang: 'en',
  covers: '3. a question in the middle of the questionnaire, in English; cancel',
  steps: [
    { who: 'officerPudong', say: 'apply for assistance', expect: { contains: ['Assistance request'] } },
    {
      who: 'officerPudong',
      say: 'when is the deadline?',
      expect: { contains: ['2025-09-30', 'Your assistance request is waiting at step 1/15'], buttons: ['Continue'] },
    },
    { who: 'officerPudong', say: 'Pujiang Valve Co., Ltd.', expect: { contains: ['Saved — Organisation name (full): Pujiang Valve Co., Ltd.'] } },
    { who: 'officerPudong', say: 'cancel', expect: { contains: ['cancelled'] } },
  ],
};

export const questionnaireChoicesZh: Script = {
  name: 'questionnaire-choices-zh',
  lang: 'zh',
  covers: "3. the questionnaire's choices answered on its cards, a wrong typed option, 其他 explained, a question mid-form, continue and cancel buttons",
  steps: [
    { who: 'officer', say: '帮扶申请', expect: { contains: ['单位名称（全称）'] } },
    { who: 'officer', say: '石家庄华北轴承有限公司', expect: { contains: ['已记录「单位名称（全称）」：石家庄华北轴承有限公司', '统一社会信用代码'] } },
    { who: 'officer', say: USCC, expect: { contains: ['生产 / 经营地址'] } },
    { who: 'officer', say: '河北省石家庄市长安区建设北大街1号', expect: { contains: ['联系人/职务'] } },
    { who: 'officer', say: '赵工/质量部长', expect: { contains: ['联系电话'] } },
    { who: 'officer', say: '13912345678', expect: { contains: ['所属行业'] } },
    { who: 'officer', say: '轴承制造', expect: { contains: ['企业规模', '1. 大型'], buttons: ['确定'] } },
    { who: 'officer', say: '巨型', expect: { contains: ['“巨型”不是可选项', '企业规模'], notContains: ['已记录「企业规模」'], notMatches: NO_KEYS } },
    { who: 'officer', choose: { field: 'size', options: ['medium'] }, expect: { contains: ['已记录「企业规模」：中型', '产品类别'] } },
    { who: 'officer', choose: { field: 'productCategory', options: ['industrial'] }, expect: { contains: ['已记录「产品类别」：工业产品', '质量问题描述'] } },
    {
      who: 'officer',
      choose: { field: 'problemTypes', options: ['process-fluctuation', 'other'] },
      expect: { contains: ['生产过程质量波动', '其他（质量问题）'] },
    },
    { who: 'officer', say: '轴承游隙超差', expect: { contains: ['具体表现'] } },
    { who: 'officer', say: '截止时间是哪天', expect: { contains: ['2025年9月30日', '「具体表现」'], buttons: ['继续填写', '取消申请'] } },
    { who: 'officer', press: { action: 'intake.continue' }, expect: { contains: ['请填写「具体表现」'] } },
    { who: 'officer', say: '批次间游隙波动大，装配后异响', expect: { contains: ['帮扶核心诉求'] } },
    {
      who: 'officer',
      choose: { field: 'needs', options: ['diagnosis', 'standards'] },
      expect: { contains: ['已记录「帮扶核心诉求」：现场诊断与问题溯源', '标准解读与应用'] },
    },
    { who: 'officer', say: '跳过', expect: { contains: ['已跳过「已采取的自查 / 整改措施（如有）」'] } },
    { who: 'officer', choose: { field: 'willing', options: ['yes'] }, expect: { contains: ['：是。', '承诺'] } },
    { who: 'officer', say: '截止时间是哪天', expect: { contains: ['2025年9月30日'], buttons: ['取消申请'] } },
    { who: 'officer', press: { action: 'cancel' }, expect: { contains: ['已取消帮扶申请'] } },
    { who: 'officer', say: '跳过', expect: { notContains: ['已跳过', '已记录'] } },
  ],
};
