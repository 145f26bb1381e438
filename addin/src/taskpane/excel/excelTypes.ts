/**
 * The slice of the Excel JavaScript API (office.js) the task pane uses, declared here instead of
 * depending on @types/office-js: it documents exactly which calls we make (and which requirement
 * set each needs), and the office-addin-mock tests build objects of this shape.
 */
export interface XRange {
  values: unknown[][];
  address: string;
  load(props: string): XRange;
  format: { fill: { color: string }; font: { bold: boolean }; autofitColumns?(): void };
}

export interface XTable {
  name: string;
  id: string;
  isNullObject: boolean;
  load(props: string): XTable;
  getRange(): XRange;
  /** ExcelApi 1.7. */
  onChanged: { add(handler: (e: XTableChangedEvent) => Promise<void> | void): unknown };
}

export interface XTableChangedEvent {
  tableId: string;
  address: string;
  changeType: string;
}

export interface XChartSeries {
  name: string;
  /** ExcelApi 1.7. */
  chartType: string;
  setXAxisValues(r: XRange): void;
  setValues(r: XRange): void;
}

export interface XChart {
  name: string;
  title: { text: string };
  setPosition(start: string, end?: string): void;
  series: { add(name?: string): XChartSeries; getItemAt(i: number): XChartSeries; count?: number };
}

export interface XWorksheet {
  name: string;
  isNullObject: boolean;
  load(props: string): XWorksheet;
  getRange(address: string): XRange;
  charts: { add(type: string, source: XRange, seriesBy?: string): XChart };
  tables: { add(address: string, hasHeaders: boolean): XTable };
  onChanged?: { add(handler: (e: { address: string; worksheetId: string }) => Promise<void> | void): unknown };
  delete(): void;
  activate?(): void;
}

export interface XWorkbook {
  tables: { getItemOrNullObject(name: string): XTable };
  worksheets: {
    getItemOrNullObject(name: string): XWorksheet;
    add(name: string): XWorksheet;
  };
}

export interface XContext {
  workbook: XWorkbook;
  sync(): Promise<unknown>;
}

/** `Excel.run` — or a test's stand-in that hands over an office-addin-mock context. */
export type ExcelRun = <T>(batch: (context: XContext) => Promise<T>) => Promise<T>;
