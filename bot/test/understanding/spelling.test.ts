import { describe, expect, it } from 'vitest';
import { stem } from '../../src/conversation/understanding/englishWords.js';
import { isPinyinWord, latinNamesIn, withNamesMarked } from '../../src/conversation/understanding/latinNames.js';
import { Spelling } from '../../src/conversation/understanding/spelling.js';
import { SoundAlike } from '../../src/conversation/understanding/homophones.js';
import { indicatorsIn } from '../../src/conversation/understanding/indicators.js';
import { understand } from '../../src/conversation/understanding/understand.js';

describe('English words and misspellings', () => {
  it('stems as Porter (1980) does, checked against the examples of the paper', () => {
    // Porter, "An algorithm for suffix stripping", Program 14(3), steps 1a–5.
    expect(['caresses', 'ponies', 'cats', 'feed', 'agreed', 'plastered', 'motoring', 'sing', 'conflated', 'hopping', 'filing', 'happy'].map(stem)).toEqual([
      'caress',
      'poni',
      'cat',
      'feed',
      'agre',
      'plaster',
      'motor',
      'sing',
      'conflat',
      'hop',
      'file',
      'happi',
    ]);
  });

  it('corrects an unknown word to the only known word within the edit distance, and no further', () => {
    const spelling = new Spelling(['when is the deadline', 'what materials do we need', 'submission status', 'deadline date']);
    expect(spelling.correct('submision deadine pls')).toBe('submission deadline pls');
    expect(spelling.correct('materails')).toBe('materials');
    // Three edits from any known word: left as typed.
    expect(spelling.correct('dedlnie')).toBe('dedlnie');
    // Known words are never changed, even when close to another ("date" / "data").
    expect(spelling.correct('deadline date')).toBe('deadline date');
  });

  it('does not guess between two known words equally near', () => {
    const spelling = new Spelling(['batter butter', 'review revise']);
    // One substitution from each of batter and butter: no guess.
    expect(spelling.correct('bxtter')).toBe('bxtter');
    // One from review, two from revise.
    expect(spelling.correct('reviex')).toBe('review');
    // Short words are never corrected: "later" is a word, not a misspelt "late".
    expect(new Spelling(['too late']).correct('fill it in later')).toBe('fill it in later');
  });

  it('reads pinyin initials as the Chinese term the corpus uses most with them', () => {
    const texts = ['截止日期是哪天', '截止日期多少号', '截止日期过了吗', '材料清单发一下', '材料清单在哪', '材料清单有什么'];
    const spelling = new Spelling(texts);
    // 截止日期: jie zhi ri qi → jzrq (computed by hand from the Hanyu Pinyin of each character).
    expect(spelling.correct('jzrq')).toBe('截止日期');
    expect(spelling.correct('clqd')).toBe('材料清单');
    // Initials the corpus has no term for stay as typed.
    expect(spelling.correct('xyzq')).toBe('xyzq');
  });

  it('leaves place names in pinyin alone', () => {
    const spelling = new Spelling(['contacts in shandong', 'who is the contact']);
    expect(spelling.correct('jiangxi contact')).toBe('jiangxi contact');
  });
});

describe('company names written in pinyin', () => {
  it('splits words into Hanyu Pinyin syllables', () => {
    expect(isPinyinWord('jibei')).toBe(true); // ji bei
    expect(isPinyinWord('hudong')).toBe(true); // hu dong
    expect(isPinyinWord('huaguang')).toBe(true); // hua guang
    expect(isPinyinWord('deadline')).toBe(false);
    expect(isPinyinWord('reviewed')).toBe(false);
    expect(isPinyinWord('dong')).toBe(false); // one syllable is not a name
  });

  it('takes capitalised pinyin words that are not places, and not the first word of a sentence', () => {
    expect(latinNamesIn('how is Jibei Power getting on?')).toEqual(['jibei']);
    expect(latinNamesIn('any news on Hudong?')).toEqual(['hudong']);
    expect(latinNamesIn('Jibei status?')).toEqual(['jibei']);
    expect(latinNamesIn('who should I call in Shandong?')).toEqual([]);
    expect(latinNamesIn('Change Ic to 80 please')).toEqual([]);
    expect(latinNamesIn('how is hudong doing')).toEqual([]);
    expect(withNamesMarked('any news on hudong?', ['hudong'])).toBe('any news on Ⓞ?');
  });

  it('lets an English status question about a company be understood as one', () => {
    for (const text of ['how is Jibei Power getting on?', 'any news on Hudong?', 'has Huaguang been approved yet?']) {
      const u = understand(text);
      expect([u.kind, u.intent], text).toEqual(['answer', 'status']);
    }
  });

  it('understands misspelt English and pinyin initials end to end', () => {
    expect(understand('submision deadine?').intent).toBe('deadline');
    expect(understand('jzrq').intent).toBe('deadline');
  });
});

describe('words misheard by voice input', () => {
  // Same toneless pinyin (Hanyu Pinyin, as any dictionary gives it): 联系人 = 练习人 = lian xi ren;
  // 退化量 = 退化亮 = tui hua liang; 可靠域 = 可靠遇 = ke kao yu; 负责 = 负则 = fu ze.
  it('reads a run that sounds exactly like a term as the term, on word boundaries only', () => {
    const heard = new SoundAlike(['联系人', '谁负责', '哪个表'], new Set(), 3);
    expect(heard.correct('江西联系仁是谁')).toBe('江西联系人是谁');
    expect(heard.correct('河北省局谁负则这个')).toBe('河北省局谁负责这个');
    // 哪个/标准: 哪个标 ends inside the word 标准, so it is no misheard 哪个表.
    expect(heard.correct('专家打分依据的是哪个标准')).toBe('专家打分依据的是哪个标准');
    // A known word is right as written.
    expect(new SoundAlike(['联系人'], new Set(['练习人']), 3).correct('练习人')).toBe('练习人');
  });

  it('finds indicators named by their sound', () => {
    expect(indicatorsIn('关键性能退化亮怎么算')).toEqual(['Id']);
    expect(indicatorsIn('可靠遇是什么意思')).toEqual(['Ir']);
    expect(indicatorsIn('一致行动人')).toEqual([]);
  });

  it('reads full pinyin as the term with that sound', () => {
    const spelling = new Spelling(['截止日期是哪天', '截止日期', '截止日期几号', '联系人是谁', '联系人', '上海联系人']);
    expect(spelling.correct('jiezhi riqi')).toBe('截止 日期');
    expect(spelling.correct('lianxiren')).toBe('联系人');
  });
});
