import { findPlaces } from '../places.js';
import { foldText } from './normalise.js';

/**
 * The organisation a status question names, as typed, when it is none the asker may see: "金桥传感
 * 有没有提交" → 金桥传感, "那家做锂电池隔膜的，叫恒…恒泰什么的，进度咋样了" → 恒泰, "渝北那个汽配厂，
 * 宏远？审到哪一步了" → 宏远. Then kekao says it found nothing under that name instead of listing
 * other entries. Method: the message is cut into clauses at punctuation; in each, what comes
 * before the first status word is kept, without fillers (那家, 叫 …, 什么的), descriptions (做…的),
 * a place said before it and legal forms; a name is what is left, 2–10 characters with no pronoun, particle or
 * question word. A clause that is only a name (宏远？) wins over one with a type (汽配厂).
 */

const STATUS_WORD =
  /(的)?\s*(申报|推荐|材料|帮扶|案件|案子|进度|进展|状态|情况|审核|审到|审了|审完|审过|评审|到哪|走到|卡在|有没有|有无|是否|提交|报了|报上|过了|过没|通过|怎么样|什么情况|现在|目前|结果|批了|还在|已经|处理|受理|status|progress)/;
const LEAD_FILLER = /^(请问|麻烦|帮我|帮忙|查询|查看|查一下|查下|查查|看看|看一下|问一下|问下|我想知道|想知道|那家|那个|这家|这个|有个|有家|一家|叫做|叫)+/;
const TAIL_FILLER = /(什么的|啥的|那家的|那家|那个|这家|这个|的|没有|没|吗|呢)+$/;
/** Who does the reviewing ("省级审核过了没", "省局审完冀北没"): a level of government, never the company asked about. */
const REVIEWING_LEVEL = /^(国家级|省级|市级|区级|县级|省局|市局|区局|县局|总局|省厅|省里|市里|区里|县里|省市场监管局|秘书处|专家组|专家)/;
const DESCRIPTION = /^(做|搞|生产|造|卖)/;
const TYPE_ONLY = /^(.{0,4})(厂|公司|企业|单位|集团|工厂|汽配厂|电子厂)$/;
const NOT_A_NAME =
  /[我你您咱他她它们的了吗呢吧啊么几哪谁怎这那些还都也就才又很太最区里家]|什么|多少|所有|全部|辖区|大家|昨天|今天|系统|上传|自己|上个|这个|[年月周]$/;
/** A time ("上周", "前天") or a verb at the end ("…传", "…交") is the sender's story, not a name. */
const WHEN_OR_DOING = /^(上|下|本|这|前|昨|今|明|刚)(周|月|年|天|次|个|才)|(传|交|报|提交|上传|发)$/;
const LEGAL = /(股份有限公司|有限责任公司|有限公司|股份公司|公司|集团)$/;

function clean(clause: string): { name: string; typed: boolean; beforeStatusWord: boolean } | undefined {
  const reviewer = REVIEWING_LEVEL.exec(clause.trim());
  let s = clause.trim().slice(reviewer?.[0].length ?? 0);
  const cut = STATUS_WORD.exec(s);
  // The name before the status word; after who reviews and what they did ("省局审完冀北没"), the
  // name after it.
  if (cut) s = reviewer && !s.slice(0, cut.index).replace(LEAD_FILLER, '').trim() ? s.slice(cut.index + cut[0].length) : s.slice(0, cut.index);
  s = s.replace(LEAD_FILLER, '').replace(TAIL_FILLER, '').trim();
  if (!s || DESCRIPTION.test(s)) return undefined;
  // A place said before the company ("石家庄的鑫达"), not a place that is part of its name (浦东精密).
  for (const m of findPlaces(s)) {
    const after = s.slice(m.word.length);
    if (m.kind === 'name' && s.startsWith(m.word) && /^(的|那家|那个|这家)./.test(after)) s = after.replace(/^(的|那家|那个|这家)/, '');
  }
  s = s.replace(LEAD_FILLER, '').replace(TAIL_FILLER, '').replace(LEGAL, '').trim();
  const typed = TYPE_ONLY.test(s);
  if (typed && s.replace(TYPE_ONLY, '$1').replace(LEAD_FILLER, '').length < 2) return undefined;
  const cjk = s.replace(/[^\u4e00-\u9fff]/g, '');
  if (cjk.length < 2 || cjk.length > 10 || cjk !== s || NOT_A_NAME.test(s) || WHEN_OR_DOING.test(s)) return undefined;
  return { name: s, typed, beforeStatusWord: !!cut };
}

/** English: a capitalised name after the words that introduce it ("has Huaguang submitted", "status of Xinyu Tech"). */
const EN_NAME = /(?:status of|progress of|has|did|is|how is|how's|where is|where's|about|for)\s+((?:[A-Z][\w&.-]*)(?:\s+[A-Z][\w&.,-]*){0,3})/;
const NOT_A_NAME_EN = /^(I|My|Our|The|This|That|It|Ic|Id|Ir|W|C|G|FMEA|BF|Beijing|Shanghai|Tianjin|Chongqing|Hebei|Fujian|Jiangxi|Shandong)$/;

export function namedOrganisation(message: string): string | undefined {
  if (!/[\u4e00-\u9fff]/.test(message)) {
    const m = EN_NAME.exec(message);
    const name = m?.[1]?.replace(/[.,]+$/, '').trim();
    return name && !NOT_A_NAME_EN.test(name.split(/\s+/)[0]!) && !/^bf-?\d/i.test(name) ? name : undefined;
  }
  const clauses = foldText(message)
    .split(/[，,。.？?！!；;：:…、\s]+/)
    .filter(Boolean);
  const names = clauses.map(clean).filter((n): n is { name: string; typed: boolean; beforeStatusWord: boolean } => !!n);
  // A name right before a status word ("冀北那家的帮扶案子…") beats a clause that is only a remark
  // ("天气真热，…"); among those, a name beats a type of company (宏远？ over 汽配厂).
  const ranked = [...names.filter((n) => n.beforeStatusWord), ...names.filter((n) => !n.beforeStatusWord)];
  return (ranked.find((n) => !n.typed) ?? ranked[0])?.name;
}
