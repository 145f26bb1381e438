import type { Script } from '../scriptFormat.js';

/** The open campaign's plain answers, as the notice of 2025 and the guide give them: contacts by place, materials, the flow, the secretariat's counts. */

export const campaignZh: Script = {
  name: 'campaign-zh',
  lang: 'zh',
  covers: '1. contacts by place (and outside the programme), materials, the flow, the secretariat summary',
  steps: [
    {
      who: 'unregistered',
      say: '我在石家庄，找谁推荐？',
      expect: { contains: ['周敬', '0311-83895717', '逐级报送至省级市场监管部门'], notContains: ['邱正'] },
    },
    { who: 'unregistered', say: '重庆万州区联系人', expect: { contains: ['罗西贝贝'] } },
    { who: 'unregistered', say: '我在杭州，找谁推荐？', expect: { contains: ['不在本项目范围内'] } },
    {
      who: 'unregistered',
      say: '联系人',
      expect: {
        contains: ['010-55526748', '022-27182037', '021-64220000*2318', '023-67890721', '0311-83895717', '0591-87513915', '0791-86355012', '0531-51792275'],
      },
    },
    { who: 'unregistered', say: '要交哪些材料？', expect: { contains: ['纸质版推荐表一式两份（加盖公章）'] } },
    { who: 'unregistered', say: '推荐流程是怎样的', expect: { contains: ['组织推荐', '公示'] } },
    { who: 'secretariat', say: '汇总统计', expect: { contains: ['共 2 条'] } },
  ],
};
