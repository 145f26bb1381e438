/**
 * Which mode the pane runs in. Inside Excel, office.js loads and `Office.onReady` reports the host
 * 'Excel'. In a plain browser it reports no host; where office.js could not load at all (closed
 * network without the local copy) there is no `Office` global. Both mean PREVIEW mode.
 */
export type PaneMode = { kind: 'excel'; run: import('./excel/excelTypes.js').ExcelRun } | { kind: 'preview'; why: 'no-office-js' | 'no-host' | 'timeout' };

interface OfficeGlobal {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
}

export async function detectMode(timeoutMs = 5000): Promise<PaneMode> {
  const g = globalThis as { Office?: OfficeGlobal; Excel?: { run: import('./excel/excelTypes.js').ExcelRun } };
  if (!g.Office || typeof g.Office.onReady !== 'function') return { kind: 'preview', why: 'no-office-js' };
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
  const info = await Promise.race([g.Office.onReady(), timeout]);
  if (info === 'timeout') return { kind: 'preview', why: 'timeout' };
  if (info.host === 'Excel' && g.Excel) {
    const excel = g.Excel;
    return { kind: 'excel', run: (batch) => excel.run(batch) };
  }
  return { kind: 'preview', why: 'no-host' };
}
