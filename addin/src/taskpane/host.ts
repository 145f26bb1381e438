/**
 * Which mode the pane runs in. Inside Excel, office.js loads and `Office.onReady` reports the host
 * Excel. In a plain browser it reports no host; where office.js could not load at all (closed
 * network without the local copy) there is no `Office` global. Both mean PREVIEW mode.
 */

/** `Excel.run` — or a test's stand-in that hands over an office-addin-mock context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export type PaneMode = { kind: 'excel'; run: ExcelRun } | { kind: 'preview'; why: 'no-office-js' | 'no-host' | 'timeout' };

export async function detectMode(timeoutMs = 5000): Promise<PaneMode> {
  const g = globalThis as { Office?: typeof Office; Excel?: typeof Excel };
  if (!g.Office || typeof g.Office.onReady !== 'function') return { kind: 'preview', why: 'no-office-js' };
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
  const info = await Promise.race([g.Office.onReady(), timeout]);
  if (info === 'timeout') return { kind: 'preview', why: 'timeout' };
  // office.js sets Office.HostType.Excel to the string 'Excel' (the typings declare a numeric enum).
  if (String(info.host) === 'Excel' && g.Excel) {
    const excel = g.Excel;
    return { kind: 'excel', run: (batch) => excel.run(batch) };
  }
  return { kind: 'preview', why: 'no-host' };
}
