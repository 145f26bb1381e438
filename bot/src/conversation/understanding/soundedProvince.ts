import { provincialContacts } from '@kekao/core/programme';
import { pinyin } from 'pinyin-pro';
import { findPlaces, type PlaceMatch } from '../places.js';
import { reading, wordBoundaries } from './homophones.js';

/**
 * One of the eight provinces' short names typed by sound with the wrong characters ("天金的联系人"
 * for 天津), read as that province only where a place is plainly meant: right before the words of a
 * contact or an office (的联系人, 那边, 省局 …), and only when the two characters are no word of their
 * own (ICU's dictionary, as Intl.Segmenter splits text): 附件 sounds like 福建, 背景 like 北京, 伤害 like
 * 上海, 山洞 like 山东, and each is what it says.
 */

const SHORT_NAMES = provincialContacts.map((c) => c.province.short);
const BY_SOUND = new Map(SHORT_NAMES.map((name) => [pinyin(name, { type: 'array', toneType: 'none' }).join(' '), name]));

/** What follows a place in a question about its contacts or its office. */
const PLACE_CONTEXT =
  /^(?:的|那边|这边|那里|那儿)?(?:联系人|联系电话|联系方式|电话|负责人|负责的|省局|市局|市场监管|监管局|的老师|谁负责|找谁|联系谁|归谁|那边)/;

export function soundedProvince(text: string): PlaceMatch | undefined {
  let boundaries: Set<number> | undefined;
  for (let i = 0; i + 2 <= text.length; i++) {
    if (!PLACE_CONTEXT.test(text.slice(i + 2))) continue;
    const written = text.slice(i, i + 2);
    if (SHORT_NAMES.includes(written)) return undefined;
    boundaries ??= wordBoundaries(text);
    if (!boundaries.has(i + 1)) continue;
    const name = BY_SOUND.get(`${reading(written[0]!)} ${reading(written[1]!)}`);
    if (name) return { ...findPlaces(name)[0]!, word: written, kind: 'pinyin' };
  }
  return undefined;
}
