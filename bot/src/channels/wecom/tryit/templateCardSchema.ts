import { z } from 'zod/v4';

/**
 * The template_card of message/send as WeCom publishes it (发送应用消息 → 模板卡片消息,
 * developer.work.weixin.qq.com/document/path/90236), for the stand-in's checks: required fields
 * per card type, list lengths, key and id lengths, task_id syntax. Recommended text lengths
 * ("建议不超过…个字") are not limits and are not checked.
 */

const bytes = (max: number) => z.string().refine((s) => Buffer.byteLength(s, 'utf8') <= max, `at most ${max} bytes`);
const key = bytes(1024).pipe(z.string().min(1, 'key is required'));
const optionId = bytes(128).pipe(z.string().min(1, 'option id is required'));

/** A refinement that the ids of a list do not repeat (a boolean: zod treats any truthy value as success). */
const unique =
  <T>(ids: (x: T) => string) =>
  (xs: T[]) =>
    new Set(xs.map(ids)).size === xs.length;

const source = z.object({ icon_url: z.string().optional(), desc: z.string().optional(), desc_color: z.number().int().min(0).max(3).optional() }).strict();
const mainTitle = z.object({ title: z.string().optional(), desc: z.string().optional() }).strict();
const horizontal = z
  .array(
    z
      .object({
        type: z.number().int().min(0).max(3).optional(),
        keyname: z.string().min(1),
        value: z.string().optional(),
        url: z.string().optional(),
        media_id: z.string().optional(),
        userid: z.string().optional(),
      })
      .strict(),
  )
  .max(6);
const taskId = z.string().regex(/^[A-Za-z0-9_\-@]{1,128}$/, 'task_id: 1–128 of letters, digits and _-@');

const common = {
  source: source.optional(),
  main_title: mainTitle,
  sub_title_text: z.string().optional(),
  horizontal_content_list: horizontal.optional(),
  task_id: taskId,
};

const button = z
  .object({
    type: z.union([z.literal(0), z.literal(1)]).optional(),
    text: z.string().min(1),
    style: z.number().int().min(1).max(4).optional(),
    key: key.optional(),
    url: z.string().optional(),
  })
  .strict()
  .refine((b) => (b.type === 1 ? !!b.url : !!b.key), 'a button needs key (type 0) or url (type 1)');

const option = z.object({ id: optionId, text: z.string().min(1) }).strict();

const buttonInteraction = z
  .object({
    ...common,
    card_type: z.literal('button_interaction'),
    button_selection: z
      .object({
        question_key: key,
        title: z.string().optional(),
        option_list: z
          .array(option)
          .min(1)
          .max(10)
          .refine(
            unique((o: { id: string }) => o.id),
            'option ids must not repeat',
          ),
        selected_id: z.string().optional(),
      })
      .strict()
      .optional(),
    button_list: z
      .array(button)
      .min(1)
      .max(6)
      .refine(
        unique((b: { key?: string; url?: string }) => b.key ?? b.url ?? ''),
        'button keys must not repeat',
      ),
  })
  .strict();

const voteInteraction = z
  .object({
    ...common,
    card_type: z.literal('vote_interaction'),
    checkbox: z
      .object({
        question_key: key,
        option_list: z
          .array(option.extend({ is_checked: z.boolean().optional() }).strict())
          .min(1)
          .max(20)
          .refine(
            unique((o: { id: string }) => o.id),
            'option ids must not repeat',
          ),
        mode: z.union([z.literal(0), z.literal(1)]).optional(),
      })
      .strict(),
    submit_button: z.object({ text: z.string().min(1), key }).strict(),
  })
  .strict();

const multipleInteraction = z
  .object({
    ...common,
    card_type: z.literal('multiple_interaction'),
    select_list: z
      .array(
        z
          .object({
            question_key: key,
            title: z.string().optional(),
            selected_id: z.string().optional(),
            option_list: z
              .array(option)
              .min(1)
              .max(10)
              .refine(
                unique((o: { id: string }) => o.id),
                'option ids must not repeat',
              ),
          })
          .strict(),
      )
      .min(1)
      .max(3)
      .refine(
        unique((s: { question_key: string }) => s.question_key),
        'question keys must not repeat',
      ),
    submit_button: z.object({ text: z.string().min(1), key }).strict(),
  })
  .strict();

export const templateCardSchema = z
  .discriminatedUnion('card_type', [buttonInteraction, voteInteraction, multipleInteraction])
  .refine((c) => !!(c.main_title.title || c.sub_title_text), 'main_title.title or sub_title_text is required');
export type CheckedTemplateCard = z.infer<typeof templateCardSchema>;

export const sendBodySchema = z.object({
  touser: z.string().min(1),
  agentid: z.number().int(),
  msgtype: z.enum(['text', 'template_card']),
  text: z.object({ content: z.string() }).optional(),
  template_card: z.unknown().optional(),
  safe: z.number().optional(),
  enable_duplicate_check: z.number().optional(),
  duplicate_check_interval: z.number().optional(),
});

export const updateBodySchema = z.object({
  userids: z.array(z.string()).max(1000).optional(),
  partyids: z.array(z.number()).optional(),
  tagids: z.array(z.number()).optional(),
  atall: z.number().optional(),
  agentid: z.number().int(),
  response_code: z.string().min(1),
  button: z.object({ replace_name: z.string().min(1) }).optional(),
  template_card: z.unknown().optional(),
});
