/**
 * A reviewed lexicon of the programme's concepts: the words (Chinese substrings, English words)
 * that point at one concept, whatever the language or register. Each concept found in a message
 * becomes one extra feature term (#TIME, #DOC …) next to the character n-grams, so that an example
 * written one way teaches the classifier about the other ways too ("ddl", "最晚哪天", "due date"
 * all carry #TIME). The classifier still learns from the corpus what each concept means for each
 * intent; the lexicon only says which words belong together.
 */

export interface Concept {
  id: string;
  /** Substrings of normalised (simplified, lower-case) Chinese text. */
  zh: readonly string[];
  /** Whole English words or phrases. */
  en: readonly string[];
}

export const CONCEPTS: readonly Concept[] = [
  { id: 'TIME', zh: ['截止', '期限', '最晚', '最迟', '几号', '哪天', '什么时候', '几月', '来得及', '还剩', '多少天', '几天', '多久', '过期', '月底', '之前', '倒计时', '还能报', '还能交', '还能申报', '还有时间', '时间够', '来不来得及', '时间限制', '时限', '还在收', '还收', '还接受', '还开放', '还在征集', '结束了吗', '结束了没'], en: ['still open', 'still accepting', 'deadline', 'due', 'when', 'days left', 'days are left', 'too late', 'last day', 'still submit', 'still apply', 'how long', 'date', 'how much time', 'close', 'closes'] },
  { id: 'DOC', zh: ['材料', '清单', '推荐表', '汇总表', '盖章', '公章', '纸质', '电子版', '扫描件', '附件', '文件', '证明', '一式两份', '几份', 'word', 'pdf'], en: ['materials', 'material', 'documents', 'document', 'checklist', 'copies', 'copy', 'stamped', 'stamp', 'seal', 'format', 'paperwork', 'prepare', 'hand in'] },
  // The recommendation forms' own fields and limits (附件2/附件4): what to write where, how long.
  { id: 'FORM', zh: ['字数', '多少字', '几个字', '字以内', '照片', '图片', '相片', '模板', '下载', '签字', '签名', '哪张表', '哪个表', '哪份表', '什么表', '附件几', '填哪', '那栏', '这栏', '一栏', '表格', '简介', '承诺申明', '空着'], en: ['form', 'forms', 'word limit', 'photo', 'photos', 'picture', 'pictures', 'template', 'download', 'signature', 'profile'] },
  { id: 'WHO', zh: ['联系人', '联系方式', '联系电话', '电话', '找谁', '找哪', '问谁', '联系谁', '向谁', '交给谁', '报给谁', '负责人', '哪位', '哪个局', '哪个部门', '谁负责', '交到哪', '寄给谁', '送给谁', '交给哪', '寄到哪', '哪个单位'], en: ['send them to', 'send it to', 'contact', 'contacts', 'phone', 'call', 'who do', 'who should', 'reach', 'number'] },
  { id: 'FLOW', zh: ['流程', '步骤', '程序', '环节', '怎么报', '如何报', '怎么申报', '如何申报', '怎么推荐', '如何推荐', '怎么报名', '初审', '逐级', '公示', '认定', '怎么参加', '自下而上', '报上去', '之后', '怎么走', '以后', '几级', '哪几级', '哪一级', '几层', '几道'], en: ['levels', 'process', 'procedure', 'steps', 'step', 'flow', 'how does', 'how do i apply', 'workflow', 'screens', 'screening', 'after we submit', 'selection'] },
  { id: 'ASSIST', zh: ['帮扶', '问诊', '诊断', '专家来', '指导整改', '质量问题', '技术瓶颈', '不合格', '上门', '到现场', '来现场', '现场看', '现场指导', '来厂里', '到厂里', '来车间'], en: ['visit', 'on site', 'on-site', 'assistance', 'assist', 'technical help', 'diagnose', 'diagnosis', 'expert', 'experts', 'spot check', 'failed inspection'] },
  { id: 'APPLY', zh: ['申请', '我要', '我想', '想请', '想找', '需要', '求', '开始', '新建', '登记', '填'], en: ['apply', 'request', 'need', 'want', 'start', 'new', 'would like'] },
  { id: 'PROGRESS', zh: ['进度', '状态', '到哪', '哪一步', '结果', '审核', '审到', '通过', '有消息', '怎么样了', '批了', '受理', '处理', '进展', '结案', '被退回', '初审过', '了没', '了吗', '完了', '没人看', '有人看', '批下来', '什么情况', '还在', '处于', '中的', '到了哪'], en: ['status', 'progress', 'where is', 'accepted', 'passed', 'happened', 'doing', 'update', 'news', 'through', 'looked at', 'heard back'] },
  // Whether something was handed in / arrived: a status question, whatever else it mentions.
  { id: 'SUBMITTED', zh: ['提交了没', '交上去', '收到没', '收到了吗', '收到了没', '报上来', '报了没', '交了没', '提交成功', '有没有提交', '有没有报', '报上去了', '传上去', '提交上去', '没交', '没报'], en: ['submitted', 'go through', 'went through', 'received'] },
  { id: 'MINE', zh: ['我的', '我们的', '我们公司', '我们单位', '我们企业', '我们报', '我们厂', '本单位', '我提交', '我们提交'], en: ['my', 'our', 'mine'] },
  { id: 'SCOPE', zh: ['辖区', '我管', '本市', '本区', '我们区', '区里', '市里', '哪些企业', '几家', '多少家'], en: ['district', 'my area', 'how many'] },
  { id: 'CASE', zh: ['案件', '案子', '编号'], en: ['case', 'cases'] },
  { id: 'REVIEW', zh: ['评审', '待评', '分配', '分给我', '摘要', '我负责评', '要评', '没评', '待办', '没打分', '还没评', '待评审', '几项待评', '我负责'], en: ['review', 'reviews', 'digest', 'assigned', 'to score'] },
  { id: 'SCORE', zh: ['打分', '评分', '给分', '打', '分数', '改成', '录入'], en: ['score', 'scores', 'give', 'record', 'enter'] },
  { id: 'STATS', zh: ['统计', '汇总', '各省', '每个省', '八个省', '按省', '分省', '总共', '一共', '总体', '整体', '各阶段', '各个状态', '哪个省', '各有', '各报', '各几', '各多少'], en: ['overview', 'per province', 'by province', 'totals', 'summary', 'all provinces', 'by stage', 'counts'] },
  { id: 'DEF', zh: ['是什么', '什么意思', '指什么', '指的是', '含义', '定义', '怎么理解', '代表', '区别', '是啥', '讲了什么', '讲的什么'], en: ['what is', 'what are', 'what does', 'mean', 'meaning', 'definition', 'stand for'] },
  { id: 'RULE', zh: ['权重', '分档', '评分标准', '评价准则', '评价要求', '评分说明', '说明', '基本要求', '满分', '总分', '加权', '造假', '评分表', '怎么评', '如何评', '怎么打分', '标准分', '梯队', '培育', '条件', '样品', '样本', '场景', '工况', '变异系数', '指标', '档', '分数段', '区间'], en: ['scenario', 'scenarios', 'sample', 'samples', 'band', 'bands', 'weight', 'weights', 'criteria', 'rubric', 'note', 'tier', 'tiers', 'falsified', 'total score', 'scored', 'requirement', 'requirements', 'indicator', 'indicators'] },
  { id: 'HELLO', zh: ['你好', '您好', '妳好', '哈喽', '哈罗', '嗨', '在吗', '在不在', '在么', '有人吗', '早上好', '上午好', '中午好', '下午好', '晚上好', '早啊', '大家好', '老师好'], en: ['hi', 'hello', 'hey', 'yo', 'good morning', 'good afternoon', 'good evening', 'morning'] },
  { id: 'THANKS', zh: ['谢谢', '多谢', '感谢', '谢了', '谢啦', '3q', '辛苦', '麻烦你了'], en: ['thanks', 'thank', 'appreciate'] },
  { id: 'OK', zh: ['收到', '好的', '好滴', '好嘞', '知道了', '明白', '了解', '懂了', '嗯', '哦', 'ok', '👌', '👍'], en: ['ok', 'okay', 'got it', 'noted', 'understood', 'alright', 'i see', 'cool', 'roger'] },
  { id: 'MENU', zh: ['帮助', '菜单', '功能', '怎么用', '能做什么', '能干', '会干', '干嘛的', '你是谁', '介绍一下你', '使用说明', '可以问', '怎么问', '不会用', '问什么', 'kekao', '机器人'], en: ['help', 'menu', 'what can you', 'what do you do', 'how do i use', 'commands', 'options', 'who are you', 'features', 'functions', 'can i ask', 'kekao', 'bot'] },
  { id: 'STOP', zh: ['取消', '退出', '不填了', '不想填', '不申请了', '算了', '放弃', '不弄了', '不搞了', '停止', '终止', '中止', '结束', '撤销', '别填了', '不用了', '不想继续'], en: ['cancel', 'quit', 'exit', 'stop', 'never mind', 'forget it', "don't want"] },
  { id: 'RESUME', zh: ['继续', '接着', '回到', '返回填', '下一步', '下一项', '填到哪'], en: ['continue', 'go on', 'resume', 'back to the form', 'next question'] },
  { id: 'SKIP', zh: ['跳过', '不填这', '这个不填', '这项不填', '先不填', '空着', '略过', '留空', '不写', '选填', '这个就不', '这项就不', '这一项不', '没有,下', '没有 下', '无,下', '无 下', '先过', '就跳', '跳吧', ',跳'], en: ['skip', 'none', 'nothing', 'n/a', 'leave it blank', 'leave this', 'blank', 'empty', 'pass'] },
  { id: 'YESNO', zh: ['是的', '愿意', '配合', '没问题', '可以', '同意', '确认', '承诺', '保证', '不愿意'], en: ['yes', 'no', 'sure', 'agree', 'confirm', 'willing'] },
  { id: 'ORG', zh: ['有限公司', '股份', '集团', '公司', '厂', '研究所', '中心'], en: ['co.', 'ltd', 'inc', 'company', 'corp'] },
  // Guide term 3.1: what 工业产品 excludes — questions naming these are about the scope of assistance.
  { id: 'EXCLUDED', zh: ['食品', '药品', '特种设备', '特别法', '化妆品', '医疗器械', '农产品'], en: ['food', 'drug', 'drugs', 'special equipment'] },
  { id: 'CHAT', zh: ['天气', '下雨', '笑话', '故事', '好吃', '吃什么', '餐厅', '火锅', '好玩', '旅游', '机票', '高铁', '酒店', '电影', '股票', '理财', '减肥', '快递', '唱歌', '女朋友', '几岁', '无聊', '聊天', '写一首', '写个', '翻译', '报销', '请假', '食堂', '会议室', '房价', '公务员', '特产', '门票', '世界杯', '比特币', '基金', '等于几', '求和', '页码', '几点了', '星期几', '音乐', '放首歌'], en: ['music', 'news', 'how old', 'weather', 'joke', 'story', 'restaurant', 'restaurants', 'flight', 'hotel', 'movie', 'stock', 'poem', 'translate', 'cook', 'game', 'life', 'song', 'sing'] },
];

const EN_INDEX = CONCEPTS.map((c) => ({ id: c.id, re: c.en.length ? new RegExp(`(?<![a-z])(?:${c.en.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![a-z])`) : undefined }));

/** The concepts a normalised message mentions. */
export function conceptsIn(text: string): string[] {
  const out: string[] = [];
  if (/(?<![a-z])bf[\s\-_]?\d{4}/.test(text)) out.push('CASEREF');
  CONCEPTS.forEach((c, i) => {
    if (c.zh.some((w) => text.includes(w)) || EN_INDEX[i]!.re?.test(text)) out.push(c.id);
  });
  return out;
}
