"""Reference values for core/test/assistanceKpis.test.ts.

The guide's table D.2 formulas evaluated with plain Python (datetime for natural days), for the
input used in the test.
Run: python3 core/test/reference/assistanceKpis.py
"""
from datetime import date
from statistics import mean

print("taskCompletionRate", 37 / 40)          # 完成任务数/总任务数
print("timelinessRate", 57 / 60)              # 按时完成节点数/总节点数
print("rectificationCompletionRate", 18 / 20) # 已闭环问题数/清单总问题数
closures = [("2024-01-15", "2024-03-01"), ("2024-02-28", "2024-03-01"), ("2023-12-20", "2024-02-25"),
            ("2024-03-10", "2024-03-10")]
days = [(date.fromisoformat(b) - date.fromisoformat(a)).days for a, b in closures]
print("closureCycleDays per issue", days, "mean", mean(days), "max", max(days))
print("samplingPassRate", 96 / 100)           # 抽样检测合格件数/总抽样件数
print("trainingCoverage", 28 / 30)            # 参训人数/应训人数
print("examPassRate", 26 / 28)                # 考核合格人数/参训人数
print("satisfaction", mean([5, 4, 4, 3, 5, 4.5]))
