/**
 * The report's only stylesheet (inline, no web fonts: the CJK fonts of the reader's system are
 * used). Printed on A4 with one entry per page run; charts and table rows do not split.
 */
export const REPORT_CSS = `
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #c9ccd1; --accent: #0b5cad; --warn: #9a5b00; --bad: #b3261e; --ok: #1e6b30; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 200mm; padding: 10mm 8mm; color: var(--ink); background: #fff;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif;
  font-size: 13px; line-height: 1.55; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); overflow-wrap: anywhere; }
h3 { font-size: 15px; margin: 18px 0 6px; color: var(--accent); }
h4 { font-size: 13px; margin: 10px 0 4px; }
p { margin: 4px 0; }
.muted, .key { color: var(--muted); }
.key { font-size: 11px; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.place { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; background: #f1f3f4; padding: 0 3px; border-radius: 2px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 11px; border: 1px solid currentColor; white-space: nowrap; }
.badge.policy { color: var(--warn); }
.badge.ok { color: var(--ok); }
.badge.missing, .badge.bad { color: var(--bad); }
.badge.verify { color: #fff; background: var(--warn); border-color: var(--warn); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #eef2f7; font-weight: 600; }
table.flags th, .metric-table th { white-space: nowrap; }
td.nowrap { white-space: nowrap; overflow-wrap: normal; }
td.why { color: var(--muted); font-size: 11px; min-width: 10em; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 700; background: #f7f9fb; }
table.score-table { table-layout: fixed; }
table.score-table td.raw { white-space: normal; }
table.score-table td.raw .issue, table.score-table td.raw .raw-reason { text-align: left; }
.cover { display: grid; grid-template-columns: 1fr auto; gap: 8px 16px; align-items: start; margin-bottom: 8px; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0; }
.cover dt { color: var(--muted); }
.cover dd { margin: 0; overflow-wrap: anywhere; }
.score-box { border: 2px solid var(--accent); border-radius: 6px; padding: 8px 14px; text-align: center; min-width: 120px; }
.score-box .total { font-size: 28px; font-weight: 700; color: var(--accent); line-height: 1.2; }
.score-box .max { color: var(--muted); }
.criterion { display: block; color: var(--muted); font-size: 12px; white-space: pre-line; }
.issue { color: var(--bad); font-size: 12px; display: block; }
.raw-reason { color: var(--muted); font-size: 12px; display: block; }
ul.reasons, ul.warnings, ul.issues, ul.read-warnings { margin: 2px 0 6px; padding-left: 20px; }
ul.warnings li, ul.read-warnings li { color: var(--warn); }
ul.issues li { color: var(--bad); }
figure.chart { margin: 8px 0 12px; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-size: 12px; color: var(--muted); }
svg.chart { display: block; width: 100%; max-width: 680px; height: auto; font-family: inherit; }
.toc table td:first-child, .toc table th:first-child { width: 3em; text-align: right; }
.toc a { color: var(--accent); text-decoration: none; }
.report-header { margin-bottom: 12px; }
.disclaimer { border-left: 4px solid var(--warn); background: #fff8e6; padding: 6px 10px; margin: 8px 0; }
section.entry { margin-top: 28px; }
.metric-table { font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  section.entry { break-before: page; page-break-before: always; margin-top: 0; }
  .toc { break-after: page; }
  tr, .cover, .score-box { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
