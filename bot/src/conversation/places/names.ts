/**
 * Short forms of division names, as people write them: 石家庄市 → 石家庄, 浦东新区 → 浦东,
 * 延边朝鲜族自治州 → 延边. Shared by the place index and the data refresh script (which stores the
 * pinyin of exactly these short forms).
 */

export type NameLevel = 'province' | 'city' | 'area';

export const PROVINCE_SUFFIX = /(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/;
const CITY_SUFFIX = /(市|地区|盟)$|([\u4e00-\u9fff]{1,8}?族)*自治州$/;
const AREA_SUFFIX = /(自治县|自治旗|新区|林区|特区|矿区|区|县|市|旗)$/;
const SUFFIX: Record<NameLevel, RegExp> = { province: PROVINCE_SUFFIX, city: CITY_SUFFIX, area: AREA_SUFFIX };

/** Short forms that are ordinary words, not place names, once the suffix is gone. */
const SHORT_NAME_STOPWORDS = new Set(['城', '郊', '矿', '市中', '新', '开发', '高新', '经济', '中', '东', '西', '南', '北', '城中', '管理']);

export function shortName(name: string, level: NameLevel): string | undefined {
  // 'X族自治州' → strip the whole ethnic part: 延边朝鲜族自治州 → 延边
  const ethnic = name.match(/^(.{2,}?)[\u4e00-\u9fff]{0,6}族.*自治(州|县|旗)$/);
  const s = ethnic ? ethnic[1] : name.replace(SUFFIX[level], '');
  if (!s || s === name || s.length < 2 || SHORT_NAME_STOPWORDS.has(s)) return undefined;
  return s;
}

/** The level of a GB/T 2260 code by its length. */
export function levelOfCode(code: string): NameLevel {
  return code.length === 2 ? 'province' : code.length === 4 ? 'city' : 'area';
}
