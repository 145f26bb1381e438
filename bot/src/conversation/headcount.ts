/**
 * An enterprise's size from its headcount as people say it in a chat ("厂里也就七八个人", "一百来人",
 * "几千号人的集团", "about 300 employees"), by the industrial thresholds of 统计上大中小微型企业划分办法
 * （2017）(国统字〔2017〕213号), 从业人员 X: 大型 X ≥ 1000, 中型 300 ≤ X < 1000, 小型 20 ≤ X < 300,
 * 微型 X < 20. The method also counts revenue, which nobody says in passing; the size accepted is
 * echoed back, so a wrong reading is corrected at once.
 *
 * A headcount is read as a range ("两三百" is 200–300, "二十多" 21–29, "几百" 200–999) and a size is
 * given only when the whole range falls in one class: "几百号人" may be 小型 or 中型, and is asked again.
 */

export type EnterpriseSize = 'large' | 'medium' | 'small' | 'micro';

type Range = readonly [number, number];

const DIGIT: Readonly<Record<string, number>> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** People counted: 人, 号人, 名员工, 个工人, employees, staff … */
/** A count as people write one (digits, or Chinese numerals with 几/上/来/多/余/把), then 多/余/来. */
const COUNT = /([0-9０-９.,，]+|[零一二两三四五六七八九十百千万几上来多余把]+)\s*(多|余|来)?/.source;
const PEOPLE = new RegExp(`${COUNT}\\s*(?:个|名|号)?\\s*(?:人|员工|职工|工人|雇员)|(\\d[\\d,]*)\\s*\\+?\\s*(?:employees|staff|people|workers|headcount)`, 'i');

/**
 * A compound Chinese numeral ("一千二百" 1200, "三百五十" 350, "一千零五十" 1050, and the spoken short
 * forms "一千二" 1200, "三百五" 350, where a last digit counts in the next lower unit), with 多/来/余 after it.
 */
function compoundRange(s: string): Range | undefined {
  const m = /^((?:[一二两三四五六七八九][千百十]零?){1,3})([一二两三四五六七八九])?([多来余])?$/.exec(s);
  if (!m || (m[1]!.replace(/零/g, '').length < 4 && !m[2])) return undefined;
  let value = 0;
  let last = 1;
  for (const [, d, u] of m[1]!.matchAll(/([一二两三四五六七八九])([千百十])/g)) {
    last = UNIT[u!]!;
    value += DIGIT[d!]! * last;
  }
  // After 零 a last digit is units ("一千零五" 1005); otherwise the next lower unit ("一千二" 1200).
  const step = m[2] ? (m[1]!.endsWith('零') ? 1 : last / 10) : last;
  if (m[2]) value += DIGIT[m[2]]! * step;
  if (m[3] === '多' || m[3] === '余') return [value + 1, value + Math.max(step, 10) - 1];
  if (m[3] === '来') return [Math.floor(value * 0.9), Math.ceil(value * 1.1)];
  return [value, value];
}

/** The people named first, then counted: "员工八百左右", "人数大概两百多", "职工有三十来个". */
const PEOPLE_FIRST = new RegExp(
  `(?:员工|职工|工人|雇员|人数|人员|从业人员)(?:数|人数|数量)?\\s*(?:有|是|大概|大约|约|差不多|在)*\\s*${COUNT}\\s*(?:个|名|号|人)?\\s*(?:左右|上下|出头)?`,
);

/** PEOPLE_FIRST's match in PEOPLE's groups (1: the count, 2: 多/来/余; "左右"/"上下" are read as 来). */
function headcountFirst(text: string): RegExpExecArray | null {
  const m = PEOPLE_FIRST.exec(text);
  if (!m) return null;
  if (!m[2] && /左右|上下/.test(m[0])) m[2] = '来';
  return m;
}

/** The range a Chinese count means ("七八" 7–8, "二十多" 21–29, "几千" 2000–9999, "上千" 1000–9999). */
function chineseRange(s: string): Range | undefined {
  const compound = compoundRange(s);
  if (compound) return compound;
  let m: RegExpExecArray | null;
  if ((m = /^上([千万])$/.exec(s))) return [UNIT[m[1]!]!, UNIT[m[1]!]! * 10 - 1];
  if ((m = /^([千万])把$/.exec(s))) return [UNIT[m[1]!]!, UNIT[m[1]!]! * 2 - 1];
  if (s === '十几') return [11, 19];
  // Digits (one, or two in a row for "七八" / "两三"), or 几, then optionally one unit, then 多/来/余.
  m = /^(十)?([零一二两三四五六七八九]{1,2}|几)?([十百千万])?([多来余])?$/.exec(s);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  const [, tenFirst, digits, unit, about] = m;
  if (tenFirst && unit) return undefined;
  const scale = unit ? UNIT[unit]! : 1;
  let low: number;
  let high: number;
  if (digits === '几') [low, high] = [2, 9];
  else if (digits) {
    const ds = [...digits].map((c) => DIGIT[c]!);
    [low, high] = [Math.min(...ds), Math.max(...ds)];
  } else [low, high] = [1, 1];
  if (tenFirst) return about === '多' ? [11, 19] : [10 + low, 10 + high];
  [low, high] = [low * scale, high * scale];
  if (about === '多' || about === '余') return [low + 1, high + Math.max(scale, 10) - 1];
  if (about === '来') return [Math.floor(low * 0.9), Math.ceil(high * 1.1)];
  return [low, high];
}

function numberRange(s: string, about: string | undefined): Range | undefined {
  const n = Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/[,，]/g, ''));
  if (!Number.isFinite(n) || n <= 0) return undefined;
  if (about === '多' || about === '余') return [n + 1, n + (n >= 100 ? 99 : 9)];
  if (about === '来') return [Math.floor(n * 0.9), Math.ceil(n * 1.1)];
  return [n, n];
}

function sizeOf(people: number): EnterpriseSize {
  return people >= 1000 ? 'large' : people >= 300 ? 'medium' : people >= 20 ? 'small' : 'micro';
}

/** The size a headcount in the answer means, when its whole range is one class. */
export function sizeFromHeadcount(text: string): EnterpriseSize | undefined {
  const m = PEOPLE.exec(text) ?? headcountFirst(text);
  if (!m) return undefined;
  const range = m[3] ? numberRange(m[3], undefined) : /^[0-9０-９]/.test(m[1]!) ? numberRange(m[1]!, m[2]) : chineseRange(`${m[1]}${m[2] ?? ''}`);
  if (!range) return undefined;
  const [low, high] = range;
  return sizeOf(low) === sizeOf(high) ? sizeOf(low) : undefined;
}
