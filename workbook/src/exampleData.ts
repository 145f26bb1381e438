/**
 * The worked examples `kekao template --example` writes: a plausible product family per kind so a
 * new user sees every feature. Numbers come from a seeded generator (reproducible files).
 * The enterprises are fictitious; their 统一社会信用代码 carry a correct GB 32100 check character.
 */
import type { WorkbookKind } from '@kekao/core/workbook';
import { seededRandom } from '@kekao/core/stats';

export interface ExampleContent {
  /** Form values by field key (display values: Chinese labels for drop-downs). */
  form: Record<string, string | number | Date>;
  /** Table rows by table name, as objects keyed by column key (display values). */
  tables: Record<string, Array<Record<string, string | number | Date | null>>>;
  /** Raw scores by indicator code / item id. */
  scores: Record<string, number>;
}

function normal(r: () => number): () => number {
  return () => {
    const u = Math.max(r(), 1e-12);
    const v = r();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

const round = (x: number, step: number) => Math.round(x / step) * step;
const fix = (x: number, digits: number) => Number(x.toFixed(digits));

function bestPractice(): ExampleContent {
  const z = normal(seededRandom(20250609));
  const ic: ExampleContent['tables'][string] = [];
  const icParam = (name: string, unit: string, stage: string, usage: number, mean: number, sd: number, step: number, digits: number) => {
    for (let i = 1; i <= 30; i++) {
      ic.push({
        parameter: name,
        unit,
        stage,
        usageHours: usage,
        sample: `S${String(i).padStart(2, '0')}`,
        value: fix(round(mean + sd * z(), step), digits),
        resolution: step,
      });
    }
  };
  icParam('输出电压', 'V', 't0', 0, 12.002, 0.018, 0.001, 3);
  icParam('输出电压', 'V', 't1', 2000, 11.996, 0.022, 0.001, 3);
  icParam('转换效率', '%', 't0', 0, 91.5, 0.28, 0.01, 2);
  icParam('转换效率', '%', 't1', 2000, 91.3, 0.33, 0.01, 2);

  const id: ExampleContent['tables'][string] = [];
  for (let u = 1; u <= 8; u++) {
    const start = 12.0 + 0.012 * z();
    const rate = 6e-6 * (1 + 0.15 * z()); // V per hour
    for (const t of [0, 500, 1000, 1500, 2000, 2500, 3000]) {
      id.push({
        parameter: '输出电压',
        unit: 'V',
        limit: 11.76,
        direction: '下限',
        ratedLife: 8000,
        model: '线性',
        unitId: `U${String(u).padStart(2, '0')}`,
        time: t,
        value: fix(round(start - rate * t + 0.0008 * z(), 0.001), 3),
        baseline: null,
        resolution: 0.001,
      });
    }
  }

  const ir: ExampleContent['tables'][string] = [];
  const scenario = (
    name: string,
    category: string,
    level: number,
    rated: number,
    stressUnit: string,
    mean: number,
    extra?: [string, number, number, string],
  ) => {
    for (let s = 1; s <= 3; s++) {
      ir.push({
        scenario: name,
        category,
        level,
        rated,
        stressUnit,
        parameter: '输出电压',
        unit: 'V',
        sample: `R${s}`,
        value: fix(round(mean + 0.01 * z(), 0.001), 3),
        limit: 11.64,
        direction: '下限',
        resolution: 0.001,
      });
    }
    if (extra)
      ir.push({
        scenario: name,
        category: extra[0],
        level: extra[1],
        rated: extra[2],
        stressUnit: extra[3],
        parameter: null,
        unit: null,
        sample: null,
        value: null,
        limit: null,
        direction: null,
        resolution: null,
      });
  };
  scenario('高温满载工作 85℃', '高温', 85, 70, '℃', 11.95);
  scenario('低温冷启动 −40℃', '低温', -40, -25, '℃', 11.97);
  scenario('恒定湿热 40℃/93%RH 96h', '湿热', 93, 85, '%RH', 11.98, ['高温', 40, 40, '℃']);
  scenario('随机振动 5 Grms 每轴 2h', '振动', 5, 3, 'g', 11.99);
  scenario('输入过压 36 V', '电源电压', 36, 32, 'V', 11.99);
  scenario('过载 130% 额定电流', '过载', 130, 110, '%', 11.88);

  const w: ExampleContent['tables'][string] = [
    {
      period: '改进前',
      label: '2022年全年销量',
      start: new Date(Date.UTC(2022, 0, 1)),
      end: new Date(Date.UTC(2022, 11, 31)),
      failures: 126,
      exposure: 180000,
      exposureUnit: '台',
    },
    {
      period: '改进后',
      label: '2024年全年销量',
      start: new Date(Date.UTC(2024, 0, 1)),
      end: new Date(Date.UTC(2024, 11, 31)),
      failures: 31,
      exposure: 210000,
      exposureUnit: '台',
    },
  ];

  const evidence: Record<string, string> = {
    parameterChoice: '输出电压、转换效率为用户验收关键参数（见产品规格书 DM12-SPEC-03）',
    sampleState: '随机抽取量产批次合格品，出厂检验记录可追溯',
    sampleSize: 'Ic 每阶段 30 台；Id 8 台；Ir 每场景 3 台',
    fieldData: '售后数据来自 CRM 系统，按责任故障判定规程统计',
    instruments: '数字多用表 6½ 位，2025-03 计量校准',
    testPlan: '试验大纲 DM12-RT-2024 经技术委员会评审',
    resultData: '原始记录与报告编号 RT-2024-118 ~ RT-2024-131',
  };
  const basic = Object.entries(evidence).map(([key, ev]) => ({ key, met: '是', evidence: ev }));

  return {
    form: {
      productName: 'DM12-150 系列 12 V 直流电源模块',
      productModel: 'DM12-150',
      productFamily: 'general',
      enterpriseName: '上海可靠电源科技有限公司（示例）',
      recommendingUnit: '上海市浦东新区市场监督管理局',
      province: '上海市',
      city: '上海市',
      district: '浦东新区',
      address: '上海市浦东新区示例路 88 号',
      registeredOn: new Date(Date.UTC(2012, 4, 18)),
      uscc: '91310115MA1K3JW33P',
      contact: '王工',
      phone: '021-5888 0000',
      position: '质量部经理 / 高级工程师',
      email: 'quality@example.com',
      enterpriseIntro:
        '专业从事工业及车载直流电源模块研发与制造的高新技术企业，年产能 30 万台，产品应用于轨道交通、通信基站和工业自动化，国内细分市场占有率约 12%。',
      productIntro:
        'DM12-150 为 24 V 输入、12 V/12.5 A 输出的隔离式直流电源模块，转换效率 91% 以上，工作温度 −40～+70℃；采用降额设计、三防涂覆和全检老化，客诉率由 0.07% 降至 0.015%。',
      reliabilityTechniques: 'FMEA、降额设计、热仿真、HALT、加速退化试验、Weibull 分析、售后故障 FRACAS 闭环。',
      keyPerformance: '输出电压精度 ±1%，纹波 ≤ 50 mV，额定寿命 8000 h 内输出电压漂移不超过 −2%；与主要竞品相比，高温 85℃ 满载下电压偏差更小。',
      benefits: '售后责任故障率由 0.070% 降至 0.015%，年节约售后成本约 260 万元。',
      innovation: '将加速退化试验与现场数据融合建立输出电压退化模型，用于批次放行。',
      promotion: '方法已在本公司 4 个产品系列推广，并在行业协会技术交流会上分享。',
      otherNotes: '无',
    },
    tables: { KekaoIc: ic, KekaoId: id, KekaoIr: ir, KekaoW: w, KekaoBasic: basic },
    scores: { Ic: 93, Id: 92, Ir: 88, W: 92, C: 65, G: 72 },
  };
}

function fmea(): ExampleContent {
  return {
    form: {
      caseName: '车载充电机装配过程 PFMEA 降低虚焊不良',
      caseType: 'PFMEA',
      enterpriseName: '福建示例新能源电子有限公司（示例）',
      recommendingUnit: '福州市市场监督管理局',
      province: '福建省',
      city: '福州市',
      district: '鼓楼区',
      address: '福州市鼓楼区示例大道 1 号',
      uscc: '91350100M000100Y43',
      contact: '林工',
      phone: '0591-8000 0000',
      position: '质量总监',
      email: 'fmea@example.com',
      summary:
        '针对车载充电机功率板波峰焊虚焊导致的早期失效，组建跨部门小组按 AIAG-VDA 七步法开展 PFMEA，识别 46 个失效链，对 9 个高优先级（AP=H）项实施防错和工艺优化，虚焊不良率由 1800 ppm 降至 210 ppm。',
      content:
        '一、案例策划\n客户投诉与内部数据分析……\n二、案例实施\n结构分析、功能分析、失效分析、风险分析、优化……\n三、案例成效\n不良率下降、客户索赔下降……\n四、案例先进性\n将 SPC 实时数据接入 FMEA 动态更新……\n五、其他说明\n无',
    },
    tables: {},
    scores: {
      background: 5,
      input: 4,
      objective: 4.5,
      team: 5,
      structureFunction: 4.5,
      failureRisk: 9,
      optimisation: 9,
      documentation: 4.5,
      goalAchievement: 9,
      lessonsLearned: 8,
      qualityImprovement: 9,
      innovation: 7,
      promotion: 4,
      level: 4,
    },
  };
}

function breakthrough(): ExampleContent {
  return {
    form: {
      projectName: '高可靠车规级功率模块质量攻关',
      category: '汽车',
      enterpriseName: '上海示例功率半导体有限公司（示例）',
      uscc: '91310000132149237G',
      legalRepresentative: '张三',
      organisationType: '有限责任公司',
      size: '中型',
      industry: '半导体分立器件制造',
      strategicEmerging: '是',
      district: '嘉定区',
      address: '上海市嘉定区示例路 66 号',
      phone: '021-6999 0000',
      contact: '李工',
      mobile: '13800000000',
      email: 'project@example.com',
      level: '国际先进或国内领先',
      intro: '公司主营车规级 IGBT/SiC 功率模块，年产 120 万只。',
      background: '新能源汽车主驱模块功率循环寿命不足，制约国产替代。',
      objective: '功率循环寿命由 3 万次提升至 10 万次（ΔTj=100K），早期失效率降低 60%。',
      investment: 860,
      qualityLevel: '功率循环 10.5 万次，达到国际同类产品水平（第三方检测报告 XX-2024-001）。',
      innovationText: '银烧结 + 铜线键合工艺路线；建立键合线寿命物理模型；引入 DFMEA/PFMEA 联动。',
      directBenefit: '攻关后 12 个月相关产品销售额增长 16.8%，利润增长 24.6%。',
      indirectBenefit: '降低生产成本 620 万元，替代进口节汇 180 万元。',
      green: '单位产品能耗由 3.8 降至 3.3 kWh/只。',
      social: '支撑两家整车厂主驱国产化。',
    },
    tables: {
      KekaoFinance: [
        { period: '攻关前12月', sales: 12500, profit: 1380, costReduction: 0, forexSaving: 0, other: 0 },
        { period: '攻关后12月', sales: 14600, profit: 1720, costReduction: 620, forexSaving: 180, other: 0 },
      ],
      KekaoEcology: [{ indicator: '单位产品能耗', unit: 'kWh/只', before: 3.8, after: 3.3 }],
      KekaoTeam: [
        { name: '李明', gender: '男', title: '研发总监/正高级工程师', education: '博士', department: '研发中心' },
        { name: '王芳', gender: '女', title: '质量经理/高级工程师', education: '硕士', department: '质量部' },
        { name: '陈强', gender: '男', title: '工艺主管/工程师', education: '本科', department: '制造部' },
      ],
    },
    scores: {
      keyIndicatorImprovement: 9,
      keyIndicatorLevel: 8,
      technicalDifficulty: 13,
      managementInnovation: 8,
      replicability: 7,
      intellectualProperty: 9,
      directEconomic: 9,
      indirectEconomic: 8,
      ecological: 5,
      social: 7,
    },
  };
}

export function exampleContent(kind: WorkbookKind): ExampleContent {
  return kind === 'best-practice' ? bestPractice() : kind === 'fmea' ? fmea() : breakthrough();
}
