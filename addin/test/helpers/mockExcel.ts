/**
 * An Excel workbook for office-addin-mock: OfficeMockObject trees whose properties must be
 * `load`ed and `sync`ed before they can be read (as in office.js), built from sheets of cells.
 * Ranges are made on demand from the sheet's cell map; every write (values, fill) is recorded
 * with its sheet and address so tests can assert what was written where.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { columnLetter, parseRange } from '@kekao/core/workbook';

export interface MockSheet {
  cells: Map<string, unknown>;
}
export interface MockTableDef {
  sheet: string;
  /** A1 range of the whole table, header row included. */
  range: string;
}
export interface Write {
  sheet: string;
  address: string;
  values?: unknown[][];
  fill?: string;
}
export interface ChartCall {
  sheet: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position: string[];
  lineSeries: Record<number, string>;
}

export interface MockWorkbook {
  context: Excel.RequestContext;
  sheets: Map<string, MockSheet>;
  tables: Map<string, MockTableDef>;
  writes: Write[];
  charts: ChartCall[];
  tableHandlers: Map<string, Array<() => unknown>>;
  sheetHandlers: Map<string, Array<(e?: unknown) => unknown>>;
  deletedSheets: string[];
  syncs: () => number;
}

function grid(sheet: MockSheet, address: string): unknown[][] {
  const r = parseRange(address)!;
  const out: unknown[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: unknown[] = [];
    for (let c = r.left; c <= r.right; c++) line.push(sheet.cells.get(`${columnLetter(c)}${row}`) ?? '');
    out.push(line);
  }
  return out;
}

export function mockWorkbook(sheetsInit: Record<string, Record<string, unknown>>, tablesInit: Record<string, MockTableDef>): MockWorkbook {
  const sheets = new Map<string, MockSheet>(Object.entries(sheetsInit).map(([n, cells]) => [n, { cells: new Map(Object.entries(cells)) }]));
  const tables = new Map(Object.entries(tablesInit));
  const writes: Write[] = [];
  const charts: ChartCall[] = [];
  const tableHandlers = new Map<string, Array<() => unknown>>();
  const sheetHandlers = new Map<string, Array<(e?: unknown) => unknown>>();
  const deletedSheets: string[] = [];
  let syncCount = 0;
  /** Mock trees handed out since the last sync (office-addin-mock syncs a tree, not its offspring). */
  const live: OfficeMockObject[] = [];
  const track = <T>(m: T): T => {
    live.push(m as unknown as OfficeMockObject);
    return m;
  };

  /** A range: values readable after load+sync; assignments to values / fill recorded at sync. */
  const rangeMock = (sheetName: string, address: string) => {
    const sheet = sheets.get(sheetName)!;
    const initial = grid(sheet, address);
    const m = new OfficeMockObject({ values: initial, address: `${sheetName}!${address}`, format: { fill: { color: '' } } }) as unknown as {
      values: unknown[][];
      format: { fill: { color: string } };
    };
    track(m);
    addresses.set(m, address);
    const notLoaded = m.values;
    pending.push(() => {
      // Assigned by the code under test: neither the not-loaded marker nor the loaded grid.
      if (m.values !== notLoaded && m.values !== initial && Array.isArray(m.values)) {
        writes.push({ sheet: sheetName, address, values: m.values });
        const r = parseRange(address)!;
        m.values.forEach((row, i) => row.forEach((v, j) => sheet.cells.set(`${columnLetter(r.left + j)}${r.top + i}`, v)));
      }
      if (m.format.fill.color) writes.push({ sheet: sheetName, address, fill: m.format.fill.color });
    });
    return m;
  };
  let pending: Array<() => void> = [];
  const addresses = new WeakMap<object, string>();

  const sheetMock = (name: string) =>
    new OfficeMockObject({
      name,
      isNullObject: false,
      getRange: (address: string) => rangeMock(name, address),
      delete: () => {
        sheets.delete(name);
        deletedSheets.push(name);
      },
      onChanged: { add: (h: (e?: unknown) => unknown) => sheetHandlers.set(name, [...(sheetHandlers.get(name) ?? []), h]) },
      tables: {
        add: (address: string, _hasHeaders: boolean) => {
          const t = { name: '' };
          pending.push(() => tables.set(t.name, { sheet: name, range: address }));
          return t;
        },
      },
      charts: {
        add: (type: string, source: object, seriesBy: string) => {
          const call: ChartCall = { sheet: name, type, source: addresses.get(source) ?? '?', seriesBy, title: '', position: [], lineSeries: {} };
          const series = new Map<number, { chartType: string }>();
          const chart = {
            title: { text: '' },
            setPosition: (a: string, b?: string) => (call.position = b ? [a, b] : [a]),
            series: {
              getItemAt: (i: number) => {
                const s = series.get(i) ?? { chartType: '' };
                series.set(i, s);
                return s;
              },
            },
          };
          pending.push(() => {
            call.title = chart.title.text;
            for (const [i, s] of series) if (s.chartType) call.lineSeries[i] = s.chartType;
            charts.push(call);
          });
          return chart;
        },
      },
    });
  const nullMock = () => new OfficeMockObject({ isNullObject: true });

  const tableMock = (name: string) => {
    const def = tables.get(name);
    if (!def) return nullMock();
    return new OfficeMockObject({
      name,
      isNullObject: false,
      getRange: () => rangeMock(def.sheet, def.range),
      onChanged: { add: (h: () => unknown) => tableHandlers.set(name, [...(tableHandlers.get(name) ?? []), h]) },
    });
  };

  const context = new OfficeMockObject({
    workbook: {
      tables: { getItemOrNullObject: (name: string) => tableMock(name) },
      worksheets: {
        getItemOrNullObject: (name: string) => (sheets.has(name) ? sheetMock(name) : nullMock()),
        add: (name: string) => {
          if (sheets.has(name)) throw new Error(`sheet ${name} exists`);
          sheets.set(name, { cells: new Map() });
          return sheetMock(name);
        },
      },
    },
  }) as unknown as { sync(): Promise<void> };

  // Every object handed out is synced by the context's sync: run the recorded assignments then.
  const realSync = context.sync.bind(context);
  const wrap =
    (f: (...a: never[]) => unknown) =>
    (...a: never[]) =>
      track(f(...a));
  const wb = (context as unknown as { workbook: { tables: Record<string, unknown>; worksheets: Record<string, unknown> } }).workbook;
  for (const col of [wb.tables, wb.worksheets])
    for (const k of Object.keys(col)) if (typeof col[k] === 'function') col[k] = wrap(col[k] as (...a: never[]) => unknown);
  context.sync = async () => {
    syncCount++;
    await realSync();
    // Objects created through the collections are separate mock trees: sync them too.
    for (const m of live.splice(0)) await m.sync();
    const todo = pending;
    pending = [];
    for (const f of todo) f();
  };
  return {
    context: context as unknown as Excel.RequestContext,
    sheets,
    tables,
    writes,
    charts,
    tableHandlers,
    sheetHandlers,
    deletedSheets,
    syncs: () => syncCount,
  };
}
