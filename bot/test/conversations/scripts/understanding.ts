import type { Script } from '../scriptFormat.js';

/** Understanding as people write: typos, abbreviations, traditional characters, pinyin, two topics, small talk, off-topic, a clarifying question. */

const NO_KEYS = ['\\((intake|uscc|validation|assistance|score|review|auth)\\.\\w+\\)'];

export const understandingZh: Script = {
  name: 'understanding-zh',
  lang: 'zh',
  covers: '1. one understanding component (normalise, classify, extract, decide); small talk; off-topic',
  steps: [
    { who: 'unregistered', say: '你好', expect: { contains: ['帮扶申请'], notContains: ['1. 联系人：'] } },
    { who: 'unregistered', say: '截至时间是哪天', expect: { contains: ['2025年9月30日'] } },
    { who: 'unregistered', say: 'ddl还有几天', expect: { contains: ['还有 10 天', '北京时间'] } },
    { who: 'unregistered', say: '冀的联系人是谁', expect: { contains: ['周敬', '0311-83895717'] } },
    { who: 'unregistered', say: 'sjz找谁', expect: { contains: ['周敬'] } },
    { who: 'unregistered', say: '聯絡人是誰？我在福州', expect: { contains: ['缪纪刚'] } },
    { who: 'unregistered', say: '材料还没备齐，最晚哪天要交', expect: { contains: ['2025年9月30日'], notContains: ['纸质版推荐表'] } },
    { who: 'unregistered', say: '推荐一家上海好吃的餐厅', expect: { contains: ['超出了我能回答的范围'], notContains: ['邱正'] } },
    // Materials questions about one field of the forms lead with that field's limit, then the checklist.
    { who: 'unregistered', say: '产品简介限多少字，要放图片吗', expect: { contains: ['不超过500字，并附产品照片', '纸质版推荐表一式两份（加盖公章）'] } },
    { who: 'unregistered', say: 'FMEA案例用哪个推荐表', expect: { contains: ['《FMEA应用典型案例推荐表》（附件4）'] } },
    // A topic set aside first, then the real question: the question is answered.
    { who: 'unregistered', say: '联系人我有了，就是想知道推荐怎么走', expect: { contains: ['推荐流程', '初审'], notContains: ['邱正'] } },
    // How many levels of review is the flow, never a status lookup.
    { who: 'unregistered', say: '申报一共要过几级审核', expect: { contains: ['推荐流程', '初审'] } },
    { who: 'unregistered', say: '谢谢', expect: { contains: ['不客气'] } },
    { who: 'unregistered', say: '收到', expect: { contains: ['好的'] } },
    // "十月份交还行不行" used to be asked back; the corpus now knows it asks whether it is too late.
    { who: 'unregistered', say: '十月份交还行不行', expect: { contains: ['2025年9月30日'] } },
    { who: 'unregistered', say: '联系人还是流程', expect: { contains: ['您是想问联系人，还是推荐流程？'], buttons: ['联系人', '推荐流程'] } },
    { who: 'unregistered', press: { action: 'choose', values: { intent: 'flow' } }, expect: { contains: ['推荐流程', '初审'] } },
    { who: 'unregistered', say: '我想问问那个', expect: { contains: ['我可以帮您'], notContains: ['1. 联系人：'], notMatches: NO_KEYS } },
  ],
};

export const understandingEn: Script = {
  name: 'understanding-en',
  lang: 'en',
  covers: '1. understanding in English; small talk; off-topic never matched to a place',
  steps: [
    { who: 'unregistered', say: 'hello', expect: { contains: ['I can help with'] } },
    { who: 'unregistered', say: 'hey, when do submissions close?', expect: { contains: ['2025-09-30'] } },
    { who: 'unregistered', say: 'when is the deadline', expect: { contains: ['2025-09-30', 'Beijing time'] } },
    { who: 'unregistered', say: 'who is the contact for Shandong', expect: { contains: ['0531-51792275'] } },
    { who: 'unregistered', say: 'what documents do I need to submit', expect: { contains: ['Materials'] } },
    { who: 'unregistered', say: 'book a flight to Beijing', expect: { contains: ['outside what I can answer'], notContains: ['贾晋玮'] } },
    { who: 'unregistered', say: 'how many levels of review does a submission go through', expect: { contains: ['flow'] } },
    { who: 'unregistered', say: 'thanks!', expect: { contains: ["You're welcome"] } },
  ],
};

export const statusByName: Script = {
  name: 'status-by-name',
  lang: 'zh',
  covers: "1. organisation names fuzzy-matched in the asker's scope; 4. Beijing time",
  steps: [
    { who: 'officer', say: '那家冀北的推荐到哪了', expect: { contains: ['冀北电源科技有限公司', '当前状态：专家评审', '北京时间'] } },
    { who: 'secretariat', say: '沪东精密现在啥状态', expect: { contains: ['沪东精密仪器有限公司', '已提交'], notContains: ['冀北电源科技有限公司 —'] } },
    { who: 'enterprise', say: '我们公司的申报走到哪一步了', expect: { contains: ['冀北电源科技有限公司', '专家评审'] } },
    { who: 'officerPudong', say: '冀北电源的进度', expect: { notContains: ['专家评审'] } },
    // A company nobody in scope has: nothing found under that name, never the other entries.
    { who: 'officer', say: '东方精工的推荐审到哪了', expect: { contains: ['没有找到“东方精工”'], notContains: ['冀北电源科技有限公司 —'] } },
    { who: 'secretariat', say: 'how is Jibei doing', expect: { contains: ['冀北电源科技有限公司'], notContains: ['沪东精密'] } },
  ],
};
