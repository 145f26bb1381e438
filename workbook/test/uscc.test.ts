/**
 * GB 32100—2015 check character: kekao's validateUscc against real published codes and against
 * an independent Python implementation of the standard (core/test/reference/uscc.py).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { USCC_ALPHABET, usccCheckCharacter, validateUscc } from '@kekao/core/workbook';
import { seeded } from './workbookTestKit.js';

const reference = join(import.meta.dirname, '..', '..', 'core', 'test', 'reference', 'uscc.py');

describe('统一社会信用代码 (GB 32100—2015)', () => {
  it('accepts real published codes', () => {
    // Huawei Technologies Co., Ltd.; Beijing Baidu Netcom Science and Technology Co., Ltd.; and the
    // two examples of the brief — all printed on business licences / public registries.
    for (const code of ['914403001922038216', '91110000802100433B', '91350100M000100Y43', '911100001000044477']) {
      expect(validateUscc(code)).toEqual({ ok: true, code });
    }
  });

  it('names the expected check character when it is wrong', () => {
    const r = validateUscc('91440300192203821N');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.key).toBe('uscc.checkCharacter');
      expect(r.expected).toBe('6');
      expect(r.zh).toContain('“6”');
    }
  });

  it('rejects wrong length and letters outside the alphabet (I, O, Z, S, V)', () => {
    expect(validateUscc('9144030019220382').ok).toBe(false);
    for (const bad of ['I', 'O', 'Z', 'S', 'V', 'a']) {
      const r = validateUscc(`9144030019220382${bad}6`);
      expect(r.ok ? '' : r.key).toBe('uscc.badCharacter');
    }
  });

  it('agrees with the independent Python reference on 400 generated codes', () => {
    const rand = seeded(32100);
    const pick = () => USCC_ALPHABET[Math.floor(rand() * USCC_ALPHABET.length)]!;
    const codes = Array.from({ length: 400 }, (_, i) => {
      const body = Array.from({ length: 17 }, pick).join('');
      // Half with the computed check character, half with a random one.
      return body + (i % 2 === 0 ? usccCheckCharacter(body)! : pick());
    });
    const out = execFileSync('python3', [reference, ...codes])
      .toString('utf8')
      .trim()
      .split('\n');
    expect(out).toHaveLength(codes.length);
    let valid = 0;
    out.forEach((line, i) => {
      const [code, verdict, expected] = line.split(' ');
      expect(code).toBe(codes[i]);
      const mine = validateUscc(codes[i]!);
      expect(mine.ok).toBe(verdict === 'valid');
      expect(usccCheckCharacter(codes[i]!.slice(0, 17))).toBe(expected!.slice('expected='.length));
      if (mine.ok) valid++;
    });
    // Not vacuous: both outcomes occur.
    expect(valid).toBeGreaterThan(150);
    expect(valid).toBeLessThan(260);
  });
});
