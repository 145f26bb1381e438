/**
 * An in-page stand-in for office.js in Excel, for driving the REAL built task pane through its
 * Excel mode in Chromium: `Office.onReady` reports host 'Excel', and `Excel.run` hands over a
 * context over a workbook of sheets (cells by A1 address) and tables (A1 ranges). Writes, fills,
 * charts and handlers are recorded on `window.fakeExcel` for the test to inspect.
 * `Office.context.requirements.isSetSupported` answers for ExcelApi up to `excelApi` (default: a
 * current Microsoft 365). Plain JavaScript text: it is served in place of office.js.
 */
export interface FakeWorkbookData {
  sheets: Record<string, Record<string, unknown>>;
  tables: Record<string, { sheet: string; range: string }>;
}

export function fakeOfficeJs(data: FakeWorkbookData, excelApi = '1.17'): string {
  return `(() => {
  const data = ${JSON.stringify(data)};
  const excelApi = ${JSON.stringify(excelApi)};
  const atLeast = (have, want) => { const a = have.split('.').map(Number), b = want.split('.').map(Number); for (let i = 0; i < Math.max(a.length, b.length); i++) { const d = (a[i] || 0) - (b[i] || 0); if (d) return d > 0; } return true; };
  const sets = { ExcelApi: excelApi, SharedRuntime: '1.1', CustomFunctionsRuntime: '1.4', Settings: '1.1' };
  const colNum = (s) => s.split('').reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const colLet = (n) => { let s = ''; while (n > 0) { const m = (n - 1) % 26; s = String.fromCharCode(65 + m) + s; n = Math.floor((n - 1) / 26); } return s; };
  const parse = (a) => { const [p, q] = a.replace(/\\$/g, '').split(':'); const one = (x) => { const m = /^([A-Z]+)(\\d+)$/.exec(x); return { c: colNum(m[1]), r: Number(m[2]) }; }; const s = one(p), e = one(q || p); return { top: s.r, left: s.c, bottom: e.r, right: e.c }; };
  const fake = { writes: [], fills: [], charts: [], tableHandlers: {}, sheetHandlers: {}, deleted: [], syncs: 0 };
  window.fakeExcel = fake;
  const sheets = data.sheets, tables = data.tables;
  const range = (sheet, address) => {
    const r = parse(address);
    const obj = { address: sheet + '!' + address, load() { return obj; }, format: { fill: {} }, getCellFor: null };
    Object.defineProperty(obj, 'values', {
      get() { const out = []; for (let i = r.top; i <= r.bottom; i++) { const row = []; for (let j = r.left; j <= r.right; j++) { const v = sheets[sheet][colLet(j) + i]; row.push(v === undefined || v === null ? '' : v); } out.push(row); } return out; },
      set(vals) { fake.writes.push({ sheet, address, values: vals }); vals.forEach((row, i) => row.forEach((v, j) => { sheets[sheet][colLet(r.left + j) + (r.top + i)] = v; })); },
    });
    Object.defineProperty(obj.format.fill, 'color', { set(c) { fake.fills.push({ sheet, address, color: c }); }, get() { return ''; } });
    obj.__address = address;
    return obj;
  };
  const nul = () => ({ isNullObject: true, load() { return this; } });
  const sheetObj = (name) => ({
    name, isNullObject: false, load() { return this; },
    getRange: (a) => range(name, a),
    delete() { delete sheets[name]; fake.deleted.push(name); },
    onChanged: { add(h) { (fake.sheetHandlers[name] ||= []).push(h); } },
    tables: { add(address) { const t = {}; Object.defineProperty(t, 'name', { set(n) { tables[n] = { sheet: name, range: address }; } }); return t; } },
    charts: { add(type, source) { const c = { type, source: source.__address, title: { text: '' }, position: null, lines: {}, setPosition(a, b) { c.position = [a, b]; }, series: { getItemAt(i) { const s = {}; Object.defineProperty(s, 'chartType', { set(v) { c.lines[i] = v; } }); return s; } } }; fake.charts.push(c); return c; } },
  });
  const tableObj = (name) => {
    const t = tables[name];
    if (!t) return nul();
    return { name, isNullObject: false, load() { return this; }, getRange: () => range(t.sheet, t.range), onChanged: { add(h) { (fake.tableHandlers[name] ||= []).push(h); } } };
  };
  const context = {
    workbook: {
      tables: { getItemOrNullObject: tableObj },
      worksheets: { getItemOrNullObject: (n) => (sheets[n] ? sheetObj(n) : nul()), add(n) { sheets[n] = {}; return sheetObj(n); } },
    },
    sync() { fake.syncs++; return Promise.resolve(); },
  };
  fake.fireTable = (name) => (fake.tableHandlers[name] || []).forEach((h) => h({ tableId: name, address: '', changeType: 'RangeEdited' }));
  fake.fireSheet = (name, address) => (fake.sheetHandlers[name] || []).forEach((h) => h({ address, worksheetId: name }));
  fake.sheets = sheets;
  fake.tables = tables;
  window.Office = { onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }), context: { requirements: { isSetSupported: (n, v) => sets[n] !== undefined && atLeast(sets[n], v) }, document: { settings: { _s: {}, get(k) { return this._s[k] ?? null; }, set(k, v) { this._s[k] = v; }, saveAsync() {} } } } };
  window.Excel = { run: (batch) => batch(context) };
})();`;
}
