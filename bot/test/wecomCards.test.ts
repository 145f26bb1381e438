import { describe, expect, it } from 'vitest';
import { card, facts, heading, para, submit } from '../src/conversation/cards.js';
import { helpCard } from '../src/conversation/cards.js';
import { newIntakeState } from '../src/conversation/assistanceIntake.js';
import { intakeCard } from '../src/conversation/intakeCard.js';
import { stepCard } from '../src/conversation/intakeStepCard.js';
import { INTAKE_FIELDS } from '../src/conversation/intakeFields.js';
import { wecomMessagesOf } from '../src/channels/wecom/cardMapping.js';
import { cardEventValue, decodeKey } from '../src/channels/wecom/cardKeys.js';
import { splitText, type WecomMessage } from '../src/channels/wecom/templateCard.js';
import { templateCardSchema } from '../src/channels/wecom/tryit/templateCardSchema.js';
import { wecomConfigFromEnv, WecomConfigError } from '../src/channels/wecom/config.js';

/**
 * The mapping of the engine's Adaptive Cards to WeCom messages, over the cards' structure: every
 * template card produced passes the published template_card shape (tryit/templateCardSchema.ts);
 * the expected card types, buttons and values are worked out by hand from the mapping rules.
 */

let n = 0;
const map = (reply: Parameters<typeof wecomMessagesOf>[0]) => wecomMessagesOf(reply, { newTaskId: () => `task_${++n}` });
const cards = (ms: WecomMessage[]) => ms.flatMap((m) => (m.msgtype === 'template_card' ? [templateCardSchema.parse(m.template_card)] : []));
const texts = (ms: WecomMessage[]) => ms.flatMap((m) => (m.msgtype === 'text' ? [m.text.content] : []));

describe('Adaptive Card → WeCom', () => {
  it('a card without actions adds nothing to its text', () => {
    const ms = map({
      text: '判定：启动帮扶',
      card: card([
        heading('帮扶申请判定结果'),
        facts([
          ['单位', '冀中机械'],
          ['判定', '启动帮扶'],
        ]),
        para('依据：7.2.2'),
      ]),
    });
    expect(ms).toEqual([{ msgtype: 'text', text: { content: '判定：启动帮扶' } }]);
  });

  it('the help card: its ten buttons as two button cards (6 + 4), each key carrying the action', () => {
    const ms = map({ text: '可靠 kekao 可以回答：…', card: helpCard('zh') });
    expect(texts(ms)).toEqual(['可靠 kekao 可以回答：…']);
    const [a, b] = cards(ms);
    expect(a!.card_type).toBe('button_interaction');
    expect(a!.main_title.title).toBe('可靠 kekao：可靠性“最佳实践”助手');
    if (a!.card_type !== 'button_interaction' || b!.card_type !== 'button_interaction') throw new Error('type');
    expect(a!.button_list.map((x) => x.text)).toEqual(['联系人', '截止时间', '材料清单', '推荐流程', '帮扶申请', '我的申报']);
    expect(b!.button_list.map((x) => x.text)).toEqual(['评审摘要', '帮扶进度', '秘书处汇总', '评分标准问答']);
    expect(b!.main_title.title).toBe('可靠 kekao：可靠性“最佳实践”助手（续）');
    expect(a!.task_id).not.toBe(b!.task_id);
    const key = decodeKey(a!.button_list[4]!.key!)!;
    expect(cardEventValue(key, [])).toEqual({ action: 'assistance.start' });
  });

  it('a step with choices becomes a vote card; the submitted options come back comma-separated', () => {
    const field = INTAKE_FIELDS.find((f) => f.type === 'multi')!;
    const c = cards(map({ text: '第 9 项', card: stepCard(field, 'zh')! }))[0]!;
    if (c.card_type !== 'vote_interaction') throw new Error(c.card_type);
    expect(c.checkbox.mode).toBe(1);
    expect(c.checkbox.question_key).toBe(field.key);
    expect(c.checkbox.option_list.map((o) => o.text)).toEqual(field.options!.map((o) => o.zh));
    const value = cardEventValue(decodeKey(c.submit_button.key)!, [
      { questionKey: field.key, optionIds: [field.options![1]!.value, field.options![5]!.value] },
    ]);
    expect(value).toEqual({
      action: 'assistance.answer',
      field: field.key,
      lang: 'zh',
      [field.key]: `${field.options![1]!.value},${field.options![5]!.value}`,
    });
    const yesno = cards(map({ text: 'q', card: stepCard(INTAKE_FIELDS.find((f) => f.type === 'yesno')!, 'zh')! }))[0]!;
    if (yesno.card_type !== 'vote_interaction') throw new Error(yesno.card_type);
    expect(yesno.checkbox.mode).toBe(0);
    expect(yesno.checkbox.option_list).toEqual([
      { id: 'yes', text: '是', is_checked: false },
      { id: 'no', text: '否', is_checked: false },
    ]);
  });

  it('the questionnaire card asks for typed values: only Cancel stays, and the card says to answer by message', () => {
    const ms = map({ text: '质量技术帮扶申请', card: intakeCard(newIntakeState(new Date(), 'zh'), 'zh') });
    const [c] = cards(ms);
    if (c!.card_type !== 'button_interaction') throw new Error(c!.card_type);
    expect(c!.button_list.map((b) => b.text)).toEqual(['取消']);
    expect(cardEventValue(decodeKey(c!.button_list[0]!.key!)!, [])).toEqual({ action: 'cancel' });
    expect(c!.sub_title_text).toContain('企业微信卡片不能输入文字');
  });

  it('one single choice and two actions: a button card with a selection; each button sends the selection', () => {
    const ms = map({
      text: 't',
      card: card(
        [
          heading('选择指标'),
          {
            type: 'Input.ChoiceSet',
            id: 'indicator',
            label: '指标',
            choices: [
              { title: 'Ic', value: 'Ic' },
              { title: 'Id', value: 'Id' },
            ],
          },
        ],
        [submit('查看', { action: 'a.view' }), submit('评分', { action: 'a.score' })],
      ),
    });
    const c = cards(ms)[0]!;
    if (c.card_type !== 'button_interaction') throw new Error(c.card_type);
    expect(c.button_selection).toEqual({
      question_key: 'indicator',
      title: '指标',
      option_list: [
        { id: 'Ic', text: 'Ic' },
        { id: 'Id', text: 'Id' },
      ],
    });
    expect(cardEventValue(decodeKey(c.button_list[1]!.key!)!, [{ questionKey: 'indicator', optionIds: ['Id'] }])).toEqual({
      indicator: 'Id',
      action: 'a.score',
    });
  });

  it('up to three single choices and one action: a multiple_interaction card; a toggle unticked sends valueOff', () => {
    const choices = (id: string) => ({
      type: 'Input.ChoiceSet',
      id,
      label: id,
      choices: [
        { title: `${id}1`, value: '1' },
        { title: `${id}2`, value: '2' },
      ],
    });
    const c = cards(map({ text: 't', card: card([choices('a'), choices('b'), choices('c')], [submit('提交', { action: 'x' })]) }))[0]!;
    expect(c.card_type).toBe('multiple_interaction');
    const four = cards(map({ text: 't', card: card([choices('a'), choices('b'), choices('c'), choices('d')], [submit('提交', { action: 'x' })]) }));
    expect(four).toEqual([]);
    const toggle = cards(
      map({
        text: 't',
        card: card([heading('确认'), { type: 'Input.Toggle', id: 'ok', title: '我确认', valueOn: 'yes', valueOff: 'no' }], [submit('提交', { action: 'x' })]),
      }),
    )[0]!;
    if (toggle.card_type !== 'vote_interaction') throw new Error(toggle.card_type);
    const key = decodeKey(toggle.submit_button.key)!;
    expect(cardEventValue(key, [])).toEqual({ ok: 'no', action: 'x' });
    expect(cardEventValue(key, [{ questionKey: 'ok', optionIds: ['yes'] }])).toEqual({ ok: 'yes', action: 'x' });
  });

  it('buttons with the same title are numbered; a key over 1024 bytes is not offered', () => {
    const c = cards(
      map({
        text: 't',
        card: card([
          heading('评审摘要'),
          { type: 'ActionSet', actions: [submit('录入评分', { id: 1 })] },
          { type: 'ActionSet', actions: [submit('录入评分', { id: 2 })] },
          { type: 'ActionSet', actions: [submit('太长', { blob: 'x'.repeat(1100) })] },
        ]),
      }),
    )[0]!;
    if (c.card_type !== 'button_interaction') throw new Error(c.card_type);
    expect(c.button_list.map((b) => b.text)).toEqual(['录入评分 1', '录入评分 2']);
  });

  it('text over 2048 bytes is split at line breaks into messages of at most 2048 bytes', () => {
    // 700 CJK characters are 2100 bytes in UTF-8 (3 bytes each): one line too long on its own.
    const line = '测'.repeat(700);
    const parts = splitText(`${'a'.repeat(1000)}\n${'b'.repeat(1000)}\n${'c'.repeat(100)}\n${line}`);
    expect(parts.map((p) => Buffer.byteLength(p))).toEqual([2001, 100, 2046, 54]);
    expect(parts.join('')).toBe(`${'a'.repeat(1000)}\n${'b'.repeat(1000)}${'c'.repeat(100)}${line}`);
  });
});

describe('WeCom environment variables', () => {
  const good = {
    KEKAO_WECOM_TOKEN: 'tok123',
    KEKAO_WECOM_AES_KEY: 'a'.repeat(43),
    KEKAO_WECOM_CORP_ID: 'ww0123',
    KEKAO_WECOM_AGENT_ID: '1000002',
    KEKAO_WECOM_SECRET: 's',
  };

  it('is off without the three callback settings, on with all, with the default API base', () => {
    expect(wecomConfigFromEnv({})).toBeUndefined();
    expect(wecomConfigFromEnv(good)).toEqual({
      token: 'tok123',
      aesKey: 'a'.repeat(43),
      corpId: 'ww0123',
      agentId: 1000002,
      secret: 's',
      apiBase: 'https://qyapi.weixin.qq.com',
    });
    expect(wecomConfigFromEnv({ ...good, KEKAO_WECOM_API_BASE: 'http://10.1.2.3:8080/' })?.apiBase).toBe('http://10.1.2.3:8080');
  });

  it('names each missing or invalid variable', () => {
    const message = (env: Record<string, string>) => {
      try {
        wecomConfigFromEnv(env);
      } catch (e) {
        if (e instanceof WecomConfigError) return e.message;
      }
      return 'accepted';
    };
    expect(message({ KEKAO_WECOM_TOKEN: 'tok' })).toMatch(
      /KEKAO_WECOM_AES_KEY 缺失[\s\S]*KEKAO_WECOM_CORP_ID 缺失[\s\S]*KEKAO_WECOM_AGENT_ID 缺失[\s\S]*KEKAO_WECOM_SECRET 缺失/,
    );
    expect(message({ ...good, KEKAO_WECOM_AES_KEY: 'short' })).toContain('KEKAO_WECOM_AES_KEY 无效：须为 43 位');
    expect(message({ ...good, KEKAO_WECOM_AGENT_ID: 'abc' })).toContain('KEKAO_WECOM_AGENT_ID 无效');
    expect(message({ ...good, KEKAO_WECOM_API_BASE: 'not a url' })).toContain('KEKAO_WECOM_API_BASE 无效');
    expect(message({ ...good, KEKAO_WECOM_API_BASE: 'ftp://10.0.0.1/' })).toContain('KEKAO_WECOM_API_BASE 无效：须为 http(s) 地址');
  });
});
