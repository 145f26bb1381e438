import type { ScoreBand } from '@kekao/core/rubrics';
import { bigrams } from './sentenceMatch.js';

/**
 * Which of an indicator's four bands (0 = 91～100 … 3 = 0～40) a question describes without a
 * number: "W很低的话能拿多少", "创新性一般给几分", "what does G get if it is very good", or the
 * band's own words ("可靠域覆盖有限给几分" → 覆盖情况有限). The four rows are 很好/较好/一般/较差
 * (core's labels); for W, fewer (lower) failures are the better rows, as its criteria say
 * (很少（低）… 很多（高）), and so for Id's degradation and Ic's coefficient of variation.
 */

type Level = 0 | 1 | 2 | 3;

/** Quality said outright: the first matching row wins (very before fairly before plain). */
const QUALITY: ReadonlyArray<readonly [RegExp, Level]> = [
  [/很好|非常好|特别好|优秀|突出|很强|非常强|excellent|very good|very strong|outstanding/, 0],
  [/很差|非常差|特别差|极差|很弱|very poor|very bad|very weak/, 3],
  [/较好|比较好|还不错|不错|较强|比较强|(?<![a-z])(?:good|strong)(?![a-z])/, 1],
  [/较差|比较差|不太好|不好|较弱|(?<![a-z])(?:poor|bad|weak)(?![a-z])/, 3],
  [/一般(?:的话|水平|般)|比较一般|中等|还行|(?<![a-z])(?:fair|average|mediocre)(?![a-z])/, 2],
];

/** Amount said as high or low: which row depends on whether less is better. */
const AMOUNT: ReadonlyArray<readonly [RegExp, 'veryLow' | 'low' | 'high' | 'veryHigh']> = [
  [/很低|非常低|极低|很少|非常少|极少|很小|非常小|极小|very (?:low|few|small)|extremely (?:low|small)/, 'veryLow'],
  [/很高|非常高|极高|很多|非常多|很大|非常大|极大|very (?:high|many|large)|extremely (?:high|large)/, 'veryHigh'],
  [/较低|比较低|偏低|较少|比较少|较小|比较小|偏小|(?<![a-z])(?:low|few|small)(?![a-z])/, 'low'],
  [/较高|比较高|偏高|较多|比较多|较大|比较大|偏大|(?<![a-z])(?:high|many|large)(?![a-z])/, 'high'],
];

/** Less is better: failures (W), degradation (Id), the coefficient of variation and any spread or wear. */
const LESS_IS_BETTER = /故障|退化|变异系数|离散|波动|分散|差异|磨损|衰减|漂移|failure|degrad|coefficient|variation|spread|scatter|dispersion|drift|wear/;

const ROW: Record<'veryLow' | 'low' | 'high' | 'veryHigh', [Level, Level]> = {
  // [less is better, more is better]
  veryLow: [0, 3],
  low: [1, 2],
  high: [2, 1],
  veryHigh: [3, 0],
};

/** Character pairs of the Chinese in the text (the criteria's words; codes and numbers aside). */
const chinesePairs = (s: string) => bigrams(s.replace(/[^\u4e00-\u9fff]/g, ''));

/** The band a question describes, or undefined. `code` is the indicator asked about. */
export function describedBand(question: string, code: string, bands: readonly ScoreBand[]): ScoreBand | undefined {
  const quality = QUALITY.find(([re]) => re.test(question));
  if (quality) return bands[quality[1]];
  const amount = AMOUNT.find(([re]) => re.test(question));
  if (amount) return bands[ROW[amount[1]][code === 'W' || code === 'Id' || LESS_IS_BETTER.test(question) ? 0 : 1]];
  // The band's own words ("覆盖有限" → 覆盖情况有限): the one criterion that shares the most
  // character pairs with the question, counting only pairs that not every band has.
  const asked = chinesePairs(question);
  const all = bands.map((b) => chinesePairs(b.criterion.zh));
  const shared = all.map((pairs) => [...pairs].filter((x) => asked.has(x) && !all.every((o) => o.has(x))).length);
  const best = Math.max(...shared);
  return best >= 1 && shared.filter((n) => n === best).length === 1 ? bands[shared.indexOf(best)] : undefined;
}
