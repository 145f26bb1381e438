"""Independent reference for the GB 32100—2015 统一社会信用代码 check character.

Written from the standard's text, not from kekao's TypeScript:
  * 18 characters; the code alphabet is 0-9 and the capital letters except I, O, Z, S, V
    (GB 32100—2015 Table 1 — 31 characters, each with a value 0..30 in alphabet order);
  * weights W_i of positions 1..17 are 3^(i-1) mod 31 (GB 32100 §4.2 lists them:
    1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28);
  * C18 = 31 - (sum(C_i * W_i) mod 31); a result of 31 is written as 0 (value 0 -> '0').
Usage: python3 uscc.py CODE...   -> prints "CODE valid|invalid expected=X" per line.
"""
import sys

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
assert len(ALPHABET) == 31
assert WEIGHTS == [pow(3, i, 31) for i in range(17)]


def expected_check(code17: str) -> str:
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(code17, WEIGHTS))
    value = 31 - total % 31
    if value == 31:
        value = 0
    return ALPHABET[value]


def check(code: str) -> str:
    if len(code) != 18 or any(ch not in ALPHABET for ch in code):
        return f"{code} invalid expected=?"
    exp = expected_check(code[:17])
    return f"{code} {'valid' if exp == code[17] else 'invalid'} expected={exp}"


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(check(arg))
