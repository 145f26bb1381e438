"""Reference values for core/test/moments.test.ts.

Exact sample mean and sample SD (n - 1) of the *doubles* the test uses: every double is
converted to an exact rational (fractions.Fraction), the variance is computed exactly, and the
square root is taken with 50-digit decimal arithmetic. Independent of the TypeScript code.
Run: python3 core/test/reference/moments.py
"""
from decimal import Decimal, getcontext
from fractions import Fraction

getcontext().prec = 50


def exact(values):
    xs = [Fraction(v) for v in values]  # exact value of each double
    n = len(xs)
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / (n - 1)
    sd = (Decimal(var.numerator) / Decimal(var.denominator)).sqrt()
    m = Decimal(mean.numerator) / Decimal(mean.denominator)
    return m, sd


datasets = {
    # 1e9 + 0.1 ... 1e9 + 1.0 as decimal literals (parsed to the nearest double in both languages)
    'near1e9': [float('1000000000.%d' % k) for k in range(1, 10)] + [1000000001.0],
    # classic textbook set, SD exactly 2.138089935... (mean 5)
    'textbook': [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0],
    # huge: squares overflow a double
    'huge': [1e300, 2e300, 3e300, 4e300],
    # huge sum overflows: values near the double maximum
    'nearMax': [1.7e308, 1.6e308, 1.5e308],
    # tiny: squares of deviations underflow
    'tiny': [1e-200, 2e-200, 3e-200, 5e-200],
    # subnormal
    'subnormal': [5e-324, 1e-323, 1.5e-323],
    # mixed signs
    'mixed': [-3.5, 2.25, -0.125, 7.0, 1.5, -2.0],
}

for name, values in datasets.items():
    m, sd = exact(values)
    print(f"{name}: mean={float(m)!r} sd={float(sd)!r}  (sd 20 digits: {sd:.20e})")
