/** The sheet names the templates write and the readers look for. */
export const SHEET = {
  form: '推荐表',
  basic: '基本要求',
  ic: 'Ic数据',
  id: 'Id数据',
  ir: 'Ir数据',
  w: 'W数据',
  score: '评分表',
  instructions: '说明',
  finance: '经济效益',
  ecology: '生态效益',
  team: '攻关人员',
} as const;
