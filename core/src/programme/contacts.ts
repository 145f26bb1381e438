import type { LocalizedText, SourceRef } from '../rubrics/rubricSchema.js';

/**
 * The eight provincial contacts of the 2025 notice (六、联系方式), exactly as printed, with the
 * province's GB/T 2260 two-digit code. Person names are not translated.
 */

export interface ProvincialContact {
  /** GB/T 2260 province-level code (two digits). */
  code: '11' | '12' | '13' | '31' | '35' | '36' | '37' | '50';
  province: {
    /** Full name, e.g. 上海市. */
    zh: string;
    /** Short name without 省/市, e.g. 上海. */
    short: string;
    /** One-character abbreviation (简称), e.g. 沪. */
    abbr: string;
    en: string;
  };
  authority: LocalizedText;
  /** 联系人, as printed. */
  person: string;
  /** 联系电话, as printed (an extension follows `*`). */
  phone: string;
  source: SourceRef;
}

const SRC: SourceRef = { document: '2025年推荐通知', clause: '六、联系方式' };

/** In the order of the notice. */
export const provincialContacts: readonly ProvincialContact[] = [
  {
    code: '11',
    province: { zh: '北京市', short: '北京', abbr: '京', en: 'Beijing' },
    authority: { zh: '北京市市场监督管理局', en: 'Beijing Municipal Administration for Market Regulation' },
    person: '贾晋玮',
    phone: '010-55526748',
    source: SRC,
  },
  {
    code: '12',
    province: { zh: '天津市', short: '天津', abbr: '津', en: 'Tianjin' },
    authority: { zh: '天津市市场监督管理委员会', en: 'Tianjin Municipal Market Supervision and Administration Commission' },
    person: '骆建香',
    phone: '022-27182037',
    source: SRC,
  },
  {
    code: '31',
    province: { zh: '上海市', short: '上海', abbr: '沪', en: 'Shanghai' },
    authority: { zh: '上海市市场监督管理局', en: 'Shanghai Municipal Administration for Market Regulation' },
    person: '邱正',
    phone: '021-64220000*2318',
    source: SRC,
  },
  {
    code: '50',
    province: { zh: '重庆市', short: '重庆', abbr: '渝', en: 'Chongqing' },
    authority: { zh: '重庆市市场监督管理局', en: 'Chongqing Municipal Administration for Market Regulation' },
    person: '罗西贝贝',
    phone: '023-67890721',
    source: SRC,
  },
  {
    code: '13',
    province: { zh: '河北省', short: '河北', abbr: '冀', en: 'Hebei' },
    authority: { zh: '河北省市场监督管理局', en: 'Hebei Provincial Administration for Market Regulation' },
    person: '周敬',
    phone: '0311-83895717',
    source: SRC,
  },
  {
    code: '35',
    province: { zh: '福建省', short: '福建', abbr: '闽', en: 'Fujian' },
    authority: { zh: '福建省市场监督管理局', en: 'Fujian Provincial Administration for Market Regulation' },
    person: '缪纪刚',
    phone: '0591-87513915',
    source: SRC,
  },
  {
    code: '36',
    province: { zh: '江西省', short: '江西', abbr: '赣', en: 'Jiangxi' },
    authority: { zh: '江西省市场监督管理局', en: 'Jiangxi Provincial Administration for Market Regulation' },
    person: '操安娜',
    phone: '0791-86355012',
    source: SRC,
  },
  {
    code: '37',
    province: { zh: '山东省', short: '山东', abbr: '鲁', en: 'Shandong' },
    authority: { zh: '山东省市场监督管理局', en: 'Shandong Provincial Administration for Market Regulation' },
    person: '王目敏',
    phone: '0531-51792275',
    source: SRC,
  },
];

/**
 * The contact for a province given as full name (上海市), short name (上海), abbreviation (沪),
 * English name (Shanghai, any case), GB/T 2260 code (31) or a longer administrative code whose
 * first two digits are the province (310000, 310104), or a longer Chinese place name that starts
 * with the province name (上海市浦东新区), or the authority's name. Undefined when the province is
 * not one of the eight.
 */
export function contactForProvince(nameOrCode: string | number): ProvincialContact | undefined {
  const q = String(nameOrCode).trim().replace(/\s+/g, ' ');
  if (q === '') return undefined;
  if (/^\d+$/.test(q)) {
    if (q.length !== 2 && q.length !== 4 && q.length !== 6 && q.length !== 9 && q.length !== 12) return undefined;
    return provincialContacts.find((c) => c.code === q.slice(0, 2));
  }
  const lower = q.toLowerCase();
  const exact = provincialContacts.find(
    (c) =>
      c.province.zh === q ||
      c.province.short === q ||
      c.province.abbr === q ||
      c.province.en.toLowerCase() === lower ||
      c.authority.zh === q ||
      c.authority.en.toLowerCase() === lower,
  );
  if (exact) return exact;
  // A longer Chinese place name: 上海市浦东新区, 山东省济南市 … (the eight names are unambiguous prefixes).
  return provincialContacts.find((c) => q.startsWith(c.province.short));
}

/** The phone number split into dialable parts: 021-64220000*2318 → area 021, number 64220000, extension 2318. */
export function phoneParts(phone: string): { areaCode: string; number: string; extension?: string } | undefined {
  const m = /^(0\d{2,3})-(\d{7,8})(?:\*(\d+))?$/.exec(phone.trim());
  if (!m) return undefined;
  return m[3] ? { areaCode: m[1], number: m[2], extension: m[3] } : { areaCode: m[1], number: m[2] };
}

/** A tel: URI (RFC 3966) for a contact, e.g. tel:+86-21-64220000;ext=2318. */
export function telUri(contact: Pick<ProvincialContact, 'phone'>): string | undefined {
  const p = phoneParts(contact.phone);
  if (!p) return undefined;
  return `tel:+86-${p.areaCode.slice(1)}-${p.number}${p.extension ? `;ext=${p.extension}` : ''}`;
}

/**
 * Routing rule: enterprises do not submit to the provincial contact directly. They apply through
 * their district/county (区/县) market-regulation bureau, which screens the materials (初审) and
 * forwards them upward, level by level, to the provincial bureau.
 */
export const routingRule: { text: LocalizedText; quote: string; source: SourceRef } = {
  text: {
    zh: '企业不直接向省级联系人报送：请通过所在区（县）市场监管局申报，由其组织推荐并对申报材料初审，再逐级报送至省级市场监管部门。省级联系人负责本省（市）的汇总与咨询。',
    en: 'Enterprises do not submit to the provincial contact directly: apply through your district/county market-regulation bureau, which organises the recommendation, screens the materials and forwards them level by level to the provincial authority. The provincial contact handles consolidation and questions for the province.',
  },
  quote: '采取自下而上方式，由各地市场监管部门组织推荐，对申报材料初审后逐级报送至省级市场监管部门。',
  source: { document: '2025年推荐通知', clause: '四、推荐流程（一）' },
};
