/**
 * The task pane. Chinese first (English on the switch). Two modes, same panels, same numbers:
 *  - Excel: reads the kekao tables with office.js, recomputes on change (debounced, only the
 *    changed table's indicator), writes the 评分表, draws native charts, inserts the kekao sheets;
 *  - preview: outside Excel, opens an .xlsx with exceljs through the workbook reader.
 * Both feed the same LiveAssessment (tableToSubmission → core assess).
 */
import { CONTRACTS } from '@kekao/core/workbook';
import { formatCellNote, type CellNote } from '@kekao/core/workbook';
import type { TableGrid, WorkbookCells } from '@kekao/core/workbook';
import type { ReliabilitySubmission } from '@kekao/core/submission';
import { t, type Lang } from './i18n.js';
import { h } from './view/dom.js';
import { assessmentView } from './view/assessmentView.js';
import { LiveAssessment, type LiveState, type WorkbookReadingLike } from './model/liveAssessment.js';
import { debounceByKey } from './model/debounce.js';
import { detectMode, type PaneMode } from './host.js';
import { loadSettings, saveSettings, type PaneSettings } from './settings.js';
import { uploadSubmission } from './upload.js';
import { downloadSubmission } from './exportJson.js';
import { findKekaoTables, readWorkbookCells } from './excel/readWorkbook.js';
import { watchWorkbook, type ChangeKey } from './excel/watch.js';
import { writeScoreSheet } from './excel/writeScoreSheet.js';
import { chartBlocks, drawCharts } from './excel/charts.js';
import { insertKekaoSheets } from './excel/insertSheets.js';
import { compatibilityNotice, missingFeatures, type OptionalFeature } from './excel/requirements.js';

const contract = CONTRACTS['best-practice'];

interface Pane {
  mode: PaneMode;
  settings: PaneSettings;
  live: LiveAssessment | null;
  fileName: string | null;
  lastMs: number | null;
  /** Change handlers are registered once per session (re-scans after inserting sheets reuse them). */
  watching: boolean;
  /** Features this Excel lacks the requirement set for (empty in preview mode). */
  missing: OptionalFeature[];
}

const pane: Pane = {
  mode: { kind: 'preview', why: 'no-office-js' },
  settings: loadSettings(),
  live: null,
  fileName: null,
  lastMs: null,
  watching: false,
  missing: [],
};
const lang = (): Lang => pane.settings.lang;

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from taskpane.html`);
  return el;
}

function status(text: string, kind: 'info' | 'ok' | 'error' = 'info'): void {
  const el = $('status');
  el.textContent = text;
  el.className = `status ${kind}`;
}

function notesBlock(title: string, notes: readonly CellNote[], cls: string): HTMLElement | null {
  if (!notes.length) return null;
  return h(
    'div',
    { class: `notes ${cls}`, 'data-notes': cls },
    h('h4', {}, title),
    h('ul', {}, ...notes.slice(0, 50).map((n) => h('li', {}, formatCellNote(n, lang())))),
  );
}

/** Renders the current state; returns the time taken (ms). */
function render(state: LiveState | null): void {
  const out = $('results');
  out.replaceChildren();
  if (!state) return;
  const blocks = [notesBlock(t('readErrors', lang()), state.errors, 'errors'), notesBlock(t('readWarnings', lang()), state.warnings, 'read-warnings')];
  for (const b of blocks) if (b) out.append(b);
  if (state.assessment) out.append(assessmentView(state.assessment, lang()));
  const ms = pane.lastMs;
  $('timing').textContent =
    ms === null ? '' : `${t('recomputedIn', lang())} ${ms.toFixed(1)} ms（${state.recomputed === 'all' ? '全部 / all' : state.recomputed}）`;
  out.setAttribute('data-recomputed', state.recomputed);
}

function timed<T>(fn: () => T): T {
  performance.mark('kekao-recompute-start');
  const r = fn();
  performance.mark('kekao-recompute-end');
  const m = performance.measure('kekao-recompute', 'kekao-recompute-start', 'kekao-recompute-end');
  pane.lastMs = m.duration;
  return r;
}

/** Loads a whole workbook (Excel: its cells; preview: a file's reading) and renders. */
function loadWorkbook(source: { cells: WorkbookCells } | { reading: WorkbookReadingLike }): LiveState {
  const state = timed(() => {
    pane.live = 'cells' in source ? LiveAssessment.fromCells(source.cells) : new LiveAssessment(source.reading);
    return pane.live.current;
  });
  render(state);
  updateButtons();
  return state;
}

/** A table changed: recompute its indicator only, render. Exposed for tests and the bench. */
function applyTableChange(name: string, grid: TableGrid | undefined): LiveState | null {
  if (!pane.live) return null;
  const live = pane.live;
  const state = timed(() => live.tableChanged(name, grid));
  render(state);
  return state;
}

function updateButtons(): void {
  const excel = pane.mode.kind === 'excel';
  const hasSubmission = Boolean(pane.live?.current.submission);
  ($('btn-write') as HTMLButtonElement).disabled = !excel || !pane.live?.current.assessment;
  ($('btn-charts') as HTMLButtonElement).disabled = !excel || !pane.live?.current.assessment;
  ($('btn-export') as HTMLButtonElement).disabled = !hasSubmission;
  ($('btn-upload') as HTMLButtonElement).disabled = !hasSubmission;
  $('excel-tools').hidden = !excel;
  $('preview-tools').hidden = excel;
}

/** The Excel-mode line: watching, or reading with recompute by hand where change events are missing. */
function excelModeText(l: Lang): string {
  return pane.missing.some((f) => f.id === 'liveRecompute') ? t('modeExcelManual', l) : t('modeExcel', l);
}

async function withExcel<T>(fn: (run: NonNullable<Extract<PaneMode, { kind: 'excel' }>['run']>) => Promise<T>): Promise<T | undefined> {
  if (pane.mode.kind !== 'excel') return undefined;
  try {
    return await fn(pane.mode.run);
  } catch (e) {
    status(e instanceof Error ? e.message : String(e), 'error');
    return undefined;
  }
}

async function startExcel(): Promise<void> {
  await withExcel(async (run) => {
    const found = await run((ctx) => findKekaoTables(ctx, contract));
    if (!found.length) {
      status(t('noTables', lang()), 'info');
      $('btn-insert').hidden = false;
      return;
    }
    $('btn-insert').hidden = true;
    const cells = await run((ctx) => readWorkbookCells(ctx, contract));
    loadWorkbook({ cells });
    status(excelModeText(lang()), 'ok');
    const debounced = debounceByKey<ChangeKey>((key) => {
      void withExcel(async (r) => {
        if (key === 'layout') {
          const layout = await r((ctx) => readWorkbookCells(ctx, contract, [], true));
          if (pane.live) render(timed(() => pane.live!.layoutChanged({ form: layout.form, score: layout.score })));
        } else {
          const cellsOne = await r((ctx) => readWorkbookCells(ctx, contract, [key], false));
          applyTableChange(key, cellsOne.tables[key]);
        }
        updateButtons();
      });
    });
    if (!pane.watching) {
      const watched = await run((ctx) => watchWorkbook(ctx, contract, (key) => debounced.schedule(key)));
      pane.watching = watched !== null;
    }
  });
}

async function openPreviewFile(file: File): Promise<void> {
  status(`${t('fileLabel', lang())}: ${file.name} …`);
  try {
    const { previewReading } = await import('./preview/previewSource.js');
    const data = new Uint8Array(await file.arrayBuffer());
    const reading = await previewReading(data, file.name);
    pane.fileName = file.name;
    loadWorkbook({ reading });
    status(`${t('fileLabel', lang())}: ${file.name}`, 'ok');
    $('results').setAttribute('data-file', file.name);
  } catch (e) {
    status(e instanceof Error ? e.message : String(e), 'error');
  }
}

function settingsForm(): HTMLElement {
  const url = h('input', { id: 'set-url', type: 'url', value: pane.settings.serviceUrl, placeholder: 'https://kekao.example.cn' }) as HTMLInputElement;
  const token = h('input', { id: 'set-token', type: 'password', value: pane.settings.token }) as HTMLInputElement;
  const save = h('button', { type: 'button', id: 'set-save' }, t('save', lang()));
  save.addEventListener('click', () => {
    const r = saveSettings({ ...pane.settings, serviceUrl: url.value, token: token.value });
    if (r.ok) {
      pane.settings = r.settings;
      status(t('saved', lang()), 'ok');
    } else status(r.message, 'error');
  });
  return h('div', { class: 'settings-form' }, h('label', {}, t('serviceUrl', lang()), url), h('label', {}, t('token', lang()), token), save);
}

function shell(): void {
  const l = lang();
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  const notice = compatibilityNotice(pane.missing, l);
  const app = $('app');
  app.replaceChildren(
    h('header', { class: 'bar' }, h('h1', {}, t('title', l)), h('button', { type: 'button', id: 'btn-lang', class: 'link' }, t('language', l))),
    h('div', { id: 'mode', class: 'mode' }, pane.mode.kind === 'excel' ? excelModeText(l) : t('modePreview', l)),
    h('div', { id: 'compat', class: 'compat', role: 'note', hidden: !notice }, notice ?? ''),
    h(
      'div',
      { id: 'preview-tools', class: 'tools' },
      h(
        'label',
        { class: 'file' },
        t('openFile', l),
        h('input', { type: 'file', id: 'file', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      ),
    ),
    h(
      'div',
      { id: 'excel-tools', class: 'tools' },
      h('button', { type: 'button', id: 'btn-insert', hidden: true }, t('insertSheets', l)),
      h('button', { type: 'button', id: 'btn-recompute' }, t('recompute', l)),
      h('button', { type: 'button', id: 'btn-write' }, t('writeScores', l)),
      h('button', { type: 'button', id: 'btn-charts' }, t('drawCharts', l)),
    ),
    h(
      'div',
      { class: 'tools' },
      h('button', { type: 'button', id: 'btn-export' }, t('exportJson', l)),
      h('button', { type: 'button', id: 'btn-upload' }, t('upload', l)),
      h('details', { id: 'settings' }, h('summary', {}, t('settings', l)), settingsForm()),
    ),
    h('div', { id: 'status', class: 'status', role: 'status' }),
    h('div', { id: 'timing', class: 'timing' }),
    h('main', { id: 'results' }),
  );

  $('btn-lang').addEventListener('click', () => {
    const r = saveSettings({ ...pane.settings, lang: lang() === 'zh' ? 'en' : 'zh' });
    if (r.ok) pane.settings = r.settings;
    shell();
    render(pane.live?.current ?? null);
    updateButtons();
  });
  ($('file') as HTMLInputElement).addEventListener('change', (e) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (f) void openPreviewFile(f);
  });
  $('btn-insert').addEventListener(
    'click',
    () =>
      void withExcel(async (run) => {
        const rep = await run((ctx) => insertKekaoSheets(ctx, contract));
        status(`${t('inserted', lang())}：${rep.sheetsAdded.join('、') || '—'}`, 'ok');
        await startExcel();
      }),
  );
  $('btn-recompute').addEventListener(
    'click',
    () =>
      void withExcel(async (run) => {
        loadWorkbook({ cells: await run((ctx) => readWorkbookCells(ctx, contract)) });
      }),
  );
  $('btn-write').addEventListener(
    'click',
    () =>
      void withExcel(async (run) => {
        const a = pane.live?.current.assessment;
        if (!a) return;
        await run((ctx) => writeScoreSheet(ctx, a, contract));
        status(t('wrote', lang()), 'ok');
      }),
  );
  $('btn-charts').addEventListener(
    'click',
    () =>
      void withExcel(async (run) => {
        const st = pane.live?.current;
        if (!st?.assessment || st.submission?.rubric !== 'reliability-2024') return;
        const blocks = chartBlocks(st.assessment, st.submission as ReliabilitySubmission);
        await run((ctx) => drawCharts(ctx, blocks));
        status(t('charted', lang()), 'ok');
      }),
  );
  $('btn-export').addEventListener('click', () => {
    const s = pane.live?.current.submission;
    if (s) status(downloadSubmission(s), 'ok');
  });
  $('btn-upload').addEventListener('click', () => {
    const s = pane.live?.current.submission;
    if (!s) return;
    if (!pane.settings.serviceUrl || !pane.settings.token) {
      status(t('uploadNeedsSettings', lang()), 'error');
      ($('settings') as HTMLDetailsElement).open = true;
      return;
    }
    void uploadSubmission(pane.settings.serviceUrl, pane.settings.token, s).then((r) =>
      r.ok ? status(`${t('uploadOk', lang())} ${r.id ?? '—'}`, 'ok') : status(r.message, 'error'),
    );
  });
}

/** Test and bench hook (also handy in the browser console): the live model and a change entry point. */
declare global {
  interface Window {
    kekaoPane?: { mode: () => string; state: () => LiveState | null; applyTableChange: typeof applyTableChange; lastMs: () => number | null };
  }
}

async function boot(): Promise<void> {
  pane.mode = await detectMode();
  if (pane.mode.kind === 'excel') pane.missing = missingFeatures();
  shell();
  updateButtons();
  window.kekaoPane = {
    mode: () => pane.mode.kind,
    state: () => pane.live?.current ?? null,
    applyTableChange,
    lastMs: () => pane.lastMs,
  };
  document.body.setAttribute('data-mode', pane.mode.kind);
  if (pane.mode.kind === 'excel') await startExcel();
  else status(t('modePreview', lang()));
}

void boot();
