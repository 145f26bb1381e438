"""Independent reference values for core/test/margin.test.ts (plain numpy arithmetic).

'min' limit L: relative margin (x - L)/|L|;  'max' limit U: (U - x)/|U|.
Severity = stress level / rated level.

Run from the repo root:  python3 core/test/reference/margins.py
"""
import json

import numpy as np

scenarios = {
    # insulation resistance after damp heat must stay >= 100 MOhm
    "damp-heat": {"limit": 100.0, "direction": "min", "values": [180.0, 152.5, 121.0, 99.0]},
    # leakage current at high temperature must stay <= 0.5 mA
    "high-temp": {"limit": 0.5, "direction": "max", "values": [0.31, 0.42, 0.28]},
    # output voltage at low temperature must stay >= -12 V (negative lower limit)
    "low-temp": {"limit": -12.0, "direction": "min", "values": [-11.2, -10.9, -11.8]},
    # offset must stay <= -3 (negative upper limit)
    "neg-upper": {"limit": -3.0, "direction": "max", "values": [-3.6, -4.5]},
}
out = {}
for name, s in scenarios.items():
    x = np.array(s["values"])
    L = s["limit"]
    absm = x - L if s["direction"] == "min" else L - x
    rel = absm / abs(L)
    out[name] = {"margins": rel.tolist(), "absolute": absm.tolist(), "worst": float(rel.min()),
                 "pass": bool(rel.min() > 0)}

stresses = {"high-temperature": (85.0, 70.0), "vibration": (20.0, 5.0), "supply-voltage": (264.0, 220.0)}
sev = {k: lv / rt for k, (lv, rt) in stresses.items()}
out["severity"] = sev
out["meanSeverity"] = float(np.mean(list(sev.values())))
# reliabilityDomain over damp-heat (humidity 85/60), high-temp (two stresses) and low-temp (vibration)
sev["humidity"] = 85.0 / 60.0
out["meanSeverityFour"] = float(np.mean(list(sev.values())))
print(json.dumps(out, indent=1))
