import { card, facts, heading, para } from './cards.js';
import { findPlaces, placeLabel, type Place } from './places.js';
import type { ProgrammeContact, ProgrammePort } from './ports.js';
import type { ChatReply, Lang } from './types.js';
import { t } from './types.js';

/**
 * Contact routing (2025 notice 六、联系方式 and 四、推荐流程（一）): a city, district or county of
 * the eight provinces → the province's contact, with the rule that enterprises apply through
 * their district/county bureau which forwards upward.
 */

const SOURCE = '2025年推荐通知 六、联系方式；四、推荐流程（一）';

export interface ContactAnswer {
  /** The places understood, each with its contact (or none when outside the programme). */
  resolved: Array<{ place: Place; contact?: ProgrammeContact }>;
  replies: ChatReply[];
}

function contactLines(c: ProgrammeContact, lang: Lang): string {
  return t(lang, `${c.authority}联系人：${c.person}，联系电话：${c.phone}`, `${c.authority} — contact: ${c.person}, phone ${c.phone}`);
}

function coveredNames(programme: ProgrammePort): string {
  return programme.coveredProvinceCodes.map((code) => programme.contactForProvince(code)?.province ?? code).join('、');
}

/** All eight contacts (the list shown when no place is named). */
export function allContactsReply(programme: ProgrammePort, lang: Lang): ChatReply {
  const contacts = programme.coveredProvinceCodes.map((c) => programme.contactForProvince(c)).filter((c): c is ProgrammeContact => !!c);
  const text = [
    t(lang, '2025年度“最佳实践”和FMEA典型案例推荐的八省（市）联系人：', 'The eight provincial contacts of the 2025 notice:'),
    ...contacts.map((c) => `• ${contactLines(c, lang)}`),
    t(lang, `规则：${programme.routingRule.zh}`, `Rule: ${programme.routingRule.en}`),
    t(
      lang,
      '请告诉我您所在的城市或区县（例如“我在石家庄”），我告诉您对应的联系人。',
      'Tell me your city or district (e.g. "Shijiazhuang") and I will name your contact.',
    ),
    t(lang, `出处：${SOURCE}`, `Source: ${SOURCE}`),
  ].join('\n');
  return {
    text,
    card: card([
      heading(t(lang, '八省（市）联系人', 'Provincial contacts')),
      facts(contacts.map((c) => [c.province, `${c.person}  ${c.phone}`])),
      para(programme.routingRule[lang], { isSubtle: true }),
      para(t(lang, `出处：${SOURCE}`, `Source: ${SOURCE}`), { isSubtle: true, size: 'Small' }),
    ]),
  };
}

/** Answers a contact question; `undefined` when the text names no place. */
export function answerContacts(text: string, programme: ProgrammePort, lang: Lang): ContactAnswer | undefined {
  const named = findPlaces(text);
  // A contact asked for by name ("周敬的电话") is that contact's province.
  const byPerson = named.length
    ? undefined
    : programme.coveredProvinceCodes.map((code) => programme.contactForProvince(code)).find((c) => c && text.includes(c.person));
  const matches = byPerson ? findPlaces(byPerson.province) : named;
  if (matches.length === 0) return undefined;
  const covered = new Set(programme.coveredProvinceCodes);

  // Each matched word may name places in several provinces (朝阳区: 北京 and 长春). Prefer the
  // most specific word that lies in a covered province; list the namesakes honestly.
  const resolved: ContactAnswer['resolved'] = [];
  const namesakes: Place[] = [];
  const outside: Place[] = [];
  const seenProvince = new Set<string>();
  const ordered = [...matches].sort((a, b) => rank(b.places[0]) - rank(a.places[0]));
  for (const m of ordered) {
    const inside = m.places.filter((p) => covered.has(p.provinceCode));
    const out = m.places.filter((p) => !covered.has(p.provinceCode));
    if (inside.length === 0) {
      outside.push(...out.slice(0, 3));
      continue;
    }
    for (const p of inside) {
      if (seenProvince.has(p.provinceCode)) continue;
      seenProvince.add(p.provinceCode);
      resolved.push({ place: p, contact: programme.contactForProvince(p.provinceCode) });
    }
    namesakes.push(...out.slice(0, 3));
  }

  const lines: string[] = [];
  if (resolved.length === 0) {
    const where = outside
      .map(placeLabel)
      .filter((v, i, a) => a.indexOf(v) === i)
      .join('、');
    lines.push(
      t(
        lang,
        `${where} 不在本项目范围内：产品质量可靠性创新“最佳实践”和FMEA典型案例推荐由京津沪渝冀闽赣鲁八省（市）市场监管部门组织（${coveredNames(programme)}）。其他地区的企业暂不在本次推荐范围内，可咨询当地市场监管部门。`,
        `${where} is outside the programme: the 2025 recommendation is run by the market-supervision authorities of eight provinces (Beijing, Tianjin, Shanghai, Chongqing, Hebei, Fujian, Jiangxi, Shandong). Enterprises elsewhere are not covered; please ask your local market-supervision bureau.`,
      ),
    );
    lines.push(t(lang, `出处：2025年推荐通知 二、推荐条件；六、联系方式`, 'Source: 2025 notice, sections 二 and 六'));
    return { resolved: outside.map((place) => ({ place })), replies: [{ text: lines.join('\n') }] };
  }

  for (const { place, contact } of resolved) {
    if (!contact) continue;
    lines.push(
      t(
        lang,
        `${placeLabel(place)} 属于${contact.province}。${contact.authority}联系人：${contact.person}，联系电话：${contact.phone}。`,
        `${placeLabel(place)} is in ${contact.province}. ${contact.authority} — contact: ${contact.person}, phone ${contact.phone}.`,
      ),
    );
  }
  if (namesakes.length) {
    lines.push(
      t(
        lang,
        `（同名地区还有：${namesakes.map(placeLabel).join('、')}，不在本项目范围内。）`,
        `(Namesakes outside the programme: ${namesakes.map(placeLabel).join(', ')}.)`,
      ),
    );
  }
  lines.push(t(lang, `规则：${programme.routingRule.zh}`, `Rule: ${programme.routingRule.en}`));
  lines.push(t(lang, `出处：${SOURCE}`, `Source: ${SOURCE}`));

  const body: unknown[] = [heading(t(lang, '推荐联系人', 'Your contact'))];
  for (const { place, contact } of resolved) {
    if (!contact) continue;
    body.push(
      facts([
        [t(lang, '所在地', 'Place'), placeLabel(place)],
        [t(lang, '省级部门', 'Authority'), contact.authority],
        [t(lang, '联系人', 'Contact'), contact.person],
        [t(lang, '联系电话', 'Phone'), contact.phone],
      ]),
    );
  }
  body.push(para(programme.routingRule[lang]), para(t(lang, `出处：${SOURCE}`, `Source: ${SOURCE}`), { isSubtle: true, size: 'Small' }));
  return { resolved, replies: [{ text: lines.join('\n'), card: card(body) }] };
}

function rank(p: Place | undefined): number {
  return p ? { province: 0, city: 1, area: 2 }[p.level] : -1;
}
