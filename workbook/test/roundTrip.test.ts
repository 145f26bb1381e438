/**
 * Template → filled by the test through exceljs → `kekao score --json` equals
 * `kekao assess` of the same data written as JSON, for each workbook kind. The JSON is built by
 * the test from its own data (enum values, not the Chinese labels typed into the cells), so a
 * mapping mistake in the reader shows up as a difference.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyTemplate, fillTable, firstDifference, runCli, seeded, setForm, setScores, tempDir, toBuffer } from './workbookTestKit.js';

const tmp = tempDir('kekao-roundtrip-');
afterAll(() => tmp.cleanup());
const repo = join(import.meta.dirname, '..', '..');

const r3 = (x: number) => Math.round(x * 1000) / 1000;

async function bestPractice() {
  const rand = seeded(7);
  const gauss = () => Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-12))) * Math.cos(2 * Math.PI * rand());
  const wb = await emptyTemplate('best-practice');
  setForm(wb, 'best-practice', {
    productName: 'LD-60 LED 驱动电源',
    productModel: 'LD-60',
    enterpriseName: '江西示例照明电器有限公司',
    recommendingUnit: '南昌市市场监督管理局',
    province: '江西省',
    city: '南昌市',
    address: '南昌市示例路 9 号',
    uscc: '91110000802100433B',
    contact: '赵工',
    email: 'zhao@example.com',
    innovation: '基于应力-强度模型的驱动电源降额设计方法',
    promotion: '在省照明协会推广',
  });
  const t0 = Array.from({ length: 25 }, () => r3(350 + 2.1 * gauss()));
  const t1 = Array.from({ length: 25 }, () => r3(348.5 + 2.6 * gauss()));
  fillTable(wb, 'best-practice', 'KekaoIc', [
    ...t0.map((v, i) => ['输出电流', 'mA', 't0', 0, `A${i + 1}`, v, 0.001]),
    ...t1.map((v, i) => ['输出电流', 'mA', 't1', 5000, `B${i + 1}`, v, 0.001]),
  ]);
  const times = [0, 1000, 2000, 3000, 4000, 5000, 6000];
  const units = Array.from({ length: 6 }, (_, u) => {
    const rate = 0.0009 * (1 + 0.1 * gauss());
    return { id: `L${u + 1}`, values: times.map((t) => r3(100 - rate * t + 0.05 * gauss())) };
  });
  fillTable(
    wb,
    'best-practice',
    'KekaoId',
    units.flatMap((u) => times.map((t, k) => ['光通维持率', '%', 70, '下限', 25000, '自动', u.id, t, u.values[k], null, null])),
  );
  const scen = [
    { name: '高温 60℃', cat: '高温', category: 'high-temperature', level: 60, rated: 50, su: '℃', values: [352.1, 351.4] },
    { name: '低温 −30℃', cat: '低温', category: 'low-temperature', level: -30, rated: -20, su: '℃', values: [349.8, 350.6] },
    { name: '振动 3 g', cat: '振动', category: 'vibration', level: 3, rated: 2, su: 'g', values: [350.2, 350.9] },
    { name: '输入 300 V', cat: '电源电压', category: 'supply-voltage', level: 300, rated: 264, su: 'V', values: [351, 350.4] },
  ];
  fillTable(
    wb,
    'best-practice',
    'KekaoIr',
    scen.flatMap((s) => s.values.map((v, k) => [s.name, s.cat, s.level, s.rated, s.su, '输出电流', 'mA', `S${k + 1}`, v, 332.5, '下限', null])),
  );
  fillTable(wb, 'best-practice', 'KekaoW', [
    ['改进前', '2021年', null, null, 58, 120000, '台'],
    ['改进后', '2024年', null, null, 12, 150000, '台'],
  ]);
  const basicWs = wb.getWorksheet('基本要求')!;
  for (let r = 4; r <= 10; r++) basicWs.getCell(`C${r}`).value = r === 9 ? '否' : '是';
  setScores(wb, 'best-practice', { Ic: 80, Id: 38, Ir: 40, W: 85, C: 60, G: 55 }, { reasons: { Ic: '基本要求未全部满足，但一致性数据充分' } });
  const json = {
    rubric: 'reliability-2024',
    enterprise: { name: '江西示例照明电器有限公司', uscc: '91110000802100433B', province: '江西省', city: '南昌市', address: '南昌市示例路 9 号' },
    product: { name: 'LD-60 LED 驱动电源', model: 'LD-60' },
    recommendingUnit: '南昌市市场监督管理局',
    basicRequirements: { parameterChoice: true, sampleState: true, sampleSize: true, fieldData: true, instruments: true, testPlan: false, resultData: true },
    ic: {
      parameters: [
        {
          name: '输出电流',
          unit: 'mA',
          resolution: 0.001,
          stages: [
            { stage: 't0', usageHours: 0, values: t0 },
            { stage: 't1', usageHours: 5000, values: t1 },
          ],
        },
      ],
    },
    id: {
      parameters: [
        {
          name: '光通维持率',
          unit: '%',
          limit: 70,
          direction: 'min',
          ratedLife: 25000,
          model: 'auto',
          units: units.map((u) => ({ id: u.id, times, values: u.values })),
        },
      ],
    },
    ir: {
      scenarios: scen.map((s) => ({
        name: s.name,
        stresses: [{ category: s.category, level: s.level, rated: s.rated, unit: s.su }],
        limit: 332.5,
        direction: 'min',
        parameter: '输出电流',
        unit: 'mA',
        values: s.values,
      })),
    },
    w: {
      before: { label: '2021年', failures: 58, exposure: 120000, exposureUnit: 'units' },
      after: { label: '2024年', failures: 12, exposure: 150000, exposureUnit: 'units' },
    },
    narrative: { innovation: '基于应力-强度模型的驱动电源降额设计方法', promotion: '在省照明协会推广' },
    scores: {
      Ic: { raw: 80, reason: '基本要求未全部满足，但一致性数据充分' },
      Id: { raw: 38 },
      Ir: { raw: 40 },
      W: { raw: 85 },
      C: { raw: 60 },
      G: { raw: 55 },
    },
  };
  return { buf: await toBuffer(wb), json };
}

async function fmea() {
  const wb = await emptyTemplate('fmea');
  setForm(wb, 'fmea', {
    caseName: '电动助力转向 DFMEA 案例',
    caseType: 'DFMEA',
    enterpriseName: '重庆示例汽车零部件有限公司',
    recommendingUnit: '重庆市市场监督管理局',
    province: '重庆',
    uscc: '914403001922038216',
    summary: '以 EPS 控制器为对象开展 DFMEA。',
    content: '一、案例策划……二、案例实施……',
  });
  const scores = {
    background: 5,
    input: 4,
    objective: 3.5,
    team: 5,
    structureFunction: 4,
    failureRisk: 9,
    optimisation: 7,
    documentation: 4.5,
    goalAchievement: 8,
    lessonsLearned: 6,
    qualityImprovement: 9,
    innovation: 6,
    promotion: 3,
    level: 4.5,
  };
  setScores(wb, 'fmea', scores, { reasons: { objective: '目标部分量化' } });
  wb.getWorksheet('评分表')!.getCell('E20').value = '否';
  const json = {
    rubric: 'fmea-case-2025',
    enterprise: { name: '重庆示例汽车零部件有限公司', uscc: '914403001922038216', province: '重庆市' },
    case: { name: '电动助力转向 DFMEA 案例', type: 'DFMEA', summary: '以 EPS 控制器为对象开展 DFMEA。', content: '一、案例策划……二、案例实施……' },
    recommendingUnit: '重庆市市场监督管理局',
    scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, k === 'objective' ? { raw: v, reason: '目标部分量化' } : { raw: v }])),
    fraud: false,
  };
  return { buf: await toBuffer(wb), json };
}

async function breakthrough() {
  const wb = await emptyTemplate('breakthrough');
  setForm(wb, 'breakthrough', {
    projectName: '高速列车齿轮箱轴承质量攻关',
    category: '高端装备',
    enterpriseName: '上海示例轴承有限公司',
    size: '小微',
    level: '高于行业水平',
    investment: 320,
    district: '闵行区',
  });
  fillTable(wb, 'breakthrough', 'KekaoFinance', [
    ['攻关前12月', 3200, 260, null, null, null],
    ['攻关后12月', 3420, 300, 45, 70, null],
  ]);
  fillTable(wb, 'breakthrough', 'KekaoEcology', [['单位产品碳排放', 'kgCO2e/套', 41.5, 38.2]]);
  const scores = {
    keyIndicatorImprovement: 8,
    keyIndicatorLevel: 6,
    technicalDifficulty: 11,
    managementInnovation: 7,
    replicability: 5,
    intellectualProperty: 6,
    directEconomic: 5,
    indirectEconomic: 8,
    ecological: 3,
    social: 5,
  };
  setScores(wb, 'breakthrough', scores);
  const json = {
    rubric: 'db31-1368-2022',
    enterprise: { name: '上海示例轴承有限公司', size: 'small', district: '闵行区' },
    project: { name: '高速列车齿轮箱轴承质量攻关', category: '高端装备', investment: 320, level: 'above-industry' },
    financials: { before: { sales: 3200, profit: 260 }, after: { sales: 3420, profit: 300, costReduction: 45, forexSaving: 70 } },
    ecology: { indicator: '单位产品碳排放（kgCO2e/套）', before: 41.5, after: 38.2 },
    scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, { raw: v }])),
  };
  return { buf: await toBuffer(wb), json };
}

describe('round trip: workbook → score --json equals assess of the same JSON', () => {
  for (const [kind, build] of [
    ['best-practice', bestPractice],
    ['fmea', fmea],
    ['breakthrough', breakthrough],
  ] as const) {
    it(kind, async () => {
      const { buf, json } = await build();
      const xlsx = join(tmp.dir, `${kind}.xlsx`);
      const jsonFile = join(tmp.dir, `${kind}.json`);
      writeFileSync(xlsx, buf);
      writeFileSync(jsonFile, JSON.stringify(json));
      const assessed = await runCli(['assess', jsonFile, '--json'], tmp.dir);
      expect(assessed.err).toBe('');
      expect(assessed.code).toBe(0);
      let scoredOut: string;
      if (kind === 'best-practice') {
        // Once through the real program: a child process with no terminal.
        scoredOut = execFileSync(process.execPath, [join(repo, 'bin', 'kekao.mjs'), 'score', xlsx, '--json'], {
          cwd: tmp.dir,
          env: { ...process.env, CI: 'true' },
          stdio: ['ignore', 'pipe', 'pipe'],
        }).toString('utf8');
      } else {
        const scored = await runCli(['score', xlsx, '--json'], tmp.dir);
        expect(scored.err).toBe('');
        expect(scored.code).toBe(0);
        scoredOut = scored.out;
      }
      const fromWorkbook = JSON.parse(scoredOut);
      const fromJson = JSON.parse(assessed.out);
      expect(firstDifference(fromWorkbook, fromJson)).toBeUndefined();
      // The comparison is not vacuous: scores were read and weighted.
      expect(fromWorkbook.indicators.filter((i: { rawScore: number | null }) => i.rawScore !== null).length).toBe(fromWorkbook.indicators.length);
      expect(fromWorkbook.total).toBeGreaterThan(0);
    });
  }

  it('best-practice: the basic-requirement gate and the weighted total come through', async () => {
    const { buf } = await bestPractice();
    const xlsx = join(tmp.dir, 'gate.xlsx');
    writeFileSync(xlsx, buf);
    const scored = await runCli(['score', xlsx, '--json'], tmp.dir);
    const a = JSON.parse(scored.out);
    expect(a.basicRequirements.met).toBe(false);
    expect(a.basicRequirements.missing.map((m: { key: string }) => m.key)).toEqual(['testPlan']);
    // Note (a): with a basic requirement unmet, Ic's 80 is held to the 0–40 band, so
    // Σ raw × weight = 40·.20 + 38·.25 + 40·.25 + 85·.15 + 60·.05 + 55·.10 = 48.75.
    expect(a.indicators.find((i: { code: string }) => i.code === 'Ic').rawScore).toBe(80);
    expect(a.total).toBeCloseTo(48.75, 9);
  });
});
