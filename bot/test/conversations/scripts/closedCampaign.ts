import type { Script } from '../scriptFormat.js';

/** After the deadline with no next notice: 已截止, the contact named, officers told the override route exists. */

export const closedZh: Script = {
  name: 'closed-zh',
  lang: 'zh',
  covers: '4. closed campaign answers name the contact; officers learn of the override',
  steps: [
    {
      who: 'unregistered',
      clock: '2025-10-05T02:00:00Z',
      say: '石家庄的企业现在还能报吗，截止了没',
      expect: { contains: ['已截止', '下一轮通知尚未发布，请联系省级联系人', '周敬'], notContains: ['超期办理'] },
    },
    { who: 'officer', say: '材料清单', expect: { contains: ['已截止', '周敬', '超期办理'] } },
    { who: 'enterprise', say: '推荐流程', expect: { contains: ['已截止', '下一轮通知尚未发布'], notContains: ['超期办理'] } },
    { who: 'unregistered', say: 'deadline?', expect: { contains: ['closed', 'next notice has not been published'] } },
    { who: 'unregistered', clock: '2025-09-20T02:00:00Z', say: '截止时间', expect: { contains: ['还有 10 天'], notContains: ['已截止'] } },
  ],
};
