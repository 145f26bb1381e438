/**
 * Place names as people type them: "上海", "上海市", "河北省", "石家庄市"/"石家庄". Scope checks
 * compare normalised names so the administrative suffix does not matter.
 */
const PROVINCE_ALIASES: Record<string, string> = {
  北京: '北京市',
  天津: '天津市',
  上海: '上海市',
  重庆: '重庆市',
  河北: '河北省',
  福建: '福建省',
  江西: '江西省',
  山东: '山东省',
  beijing: '北京市',
  tianjin: '天津市',
  shanghai: '上海市',
  chongqing: '重庆市',
  hebei: '河北省',
  fujian: '福建省',
  jiangxi: '江西省',
  shandong: '山东省',
};

/** The canonical name of a province (full name with 省/市), or the trimmed input when unknown. */
export function canonicalProvince(name: string | null | undefined): string | null {
  if (name == null) return null;
  const t = name.trim();
  if (!t) return null;
  const stripped = t.replace(/(省|市)$/u, '');
  return PROVINCE_ALIASES[stripped] ?? PROVINCE_ALIASES[t.toLowerCase()] ?? t;
}

/** Comparison key of a city or district: trimmed, without a trailing 市/区/县 suffix. */
export function placeKey(name: string | null | undefined): string | null {
  if (name == null) return null;
  const t = name.trim();
  if (!t) return null;
  return t.length > 2 ? t.replace(/(市|区|县)$/u, '') : t;
}

export function samePlace(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = placeKey(a);
  return ka !== null && ka === placeKey(b);
}
