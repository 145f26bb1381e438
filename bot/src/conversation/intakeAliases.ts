/**
 * How people answer the questionnaire's choices in their own words (reviewed table): each option
 * value of guide Annex A.1 (core's option lists) with the words that mean it. Single characters
 * ("中", "大") count only as the whole answer, never inside a longer one ("规模不大" is not 大型).
 */

export const OPTION_ALIASES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  size: {
    large: ['大型', '大企业', '大厂', '大型企业', '大', 'large', 'big'],
    medium: ['中型', '中等', '中等规模', '中型企业', '中企', '中', 'medium', 'mid-sized', 'mid'],
    small: ['小型', '小企业', '小型企业', '小厂', '小', 'small'],
    micro: ['微型', '微型企业', '个体', '微', 'micro'],
  },
  // A product named instead of its category ("锂电池隔膜") is placed by what it is; the accepted
  // category is echoed back, so a wrong guess is seen and corrected at once.
  productCategory: {
    industrial: [
      '工业产品',
      '工业品',
      '工业',
      'industrial',
      ...['电池', '隔膜', '电源', '电机', '电缆', '电线', '传感器', '轴承', '齿轮', '阀门', '水泵', '芯片', '半导体', '元器件', '零部件', '配件', '汽配'],
      ...['机械', '机床', '仪器', '仪表', '变压器', '开关', '光伏', '逆变器', '钢材', '铝材', '塑料', '橡胶', '玻璃', '陶瓷', '纺织', '服装', '家电'],
      ...[
        '家具',
        '灯具',
        '模具',
        '五金',
        '水龙头',
        '卫浴',
        '不锈钢',
        '管材',
        '紧固件',
        '标准件',
        '涂料',
        '轮胎',
        '汽车',
        '电动车',
        '手机',
        '电脑',
        '显示屏',
        '线路板',
        '连接器',
        '继电器',
        '变频器',
        '控制器',
      ],
    ],
    food: [
      '食品',
      '食物',
      'food',
      '乳制品',
      '奶粉',
      '牛奶',
      '肉制品',
      '饮料',
      '白酒',
      '啤酒',
      '茶叶',
      '大米',
      '面粉',
      '食用油',
      '调味品',
      '糖果',
      '罐头',
      '零食',
      '饼干',
      '糕点',
      '面包',
      '方便面',
      '速冻',
    ],
    drug: ['药品', '药', 'drug', 'medicine', '药厂', '制药', '药业', '胶囊', '片剂', '注射液', '疫苗', '中成药', '原料药'],
    'special-equipment': ['特种设备', '锅炉', '压力容器', '电梯', '起重机械', 'special equipment', '叉车', '游乐设施', '客运索道', '压力管道', '气瓶'],
    'special-law': ['特别法', 'special law'],
  },
  problemTypes: {
    'spot-check-failure': ['监督抽查不合格', '抽查不合格', '抽检不合格', '监督抽查', '抽检没过', '抽检', '抽查', '国抽', '省抽', '市抽', '飞检', 'spot check'],
    'process-fluctuation': [
      '生产过程质量波动',
      '质量波动',
      '波动',
      '不稳定',
      '忽好忽坏',
      '时好时坏',
      '忽高忽低',
      '时高时低',
      '一批好一批坏',
      '不一致',
      'fluctuation',
    ],
    'system-incomplete': ['体系建设不完善', '体系不完善', '体系不健全', '体系建设', '管理体系', '体系', 'management system'],
    'technical-bottleneck': ['技术瓶颈', '瓶颈', '设计问题', '工艺问题', '检测问题', 'bottleneck'],
    'industry-common': ['行业共性问题', '行业共性', '共性问题', 'industry-wide'],
    other: ['其他', '其它', 'other'],
  },
  needs: {
    diagnosis: ['现场诊断与问题溯源', '现场诊断', '问题溯源', '诊断', '溯源', '到现场', '来现场', '找原因', '查原因', '分析原因', 'diagnosis', 'on site'],
    'qms-setup': [
      '质量管理体系搭建',
      '体系搭建',
      '搭建体系',
      '质量管理体系',
      '体系搭起来',
      '建体系',
      '搭体系',
      '建立体系',
      '建立质量体系',
      'quality management system',
    ],
    standards: ['标准解读与应用', '标准解读', '标准应用', '标准', 'standards'],
    'testing-training': ['检测技能培训', '检测培训', '技能培训', '培训', 'training'],
    'improvement-plan': ['定制化改进方案', '改进方案', '整改方案', '方案', 'improvement plan', 'plan'],
    other: ['其他', '其它', 'other'],
  },
};

/** Yes/no in the words people use (是/是的/好的/愿意/愿意配合/没问题/可以 …). */
export const YES = /(是|对|好|行|可以|愿意|同意|当然|肯定|嗯|会的|配合|承诺|确认|保证|属实|yes|yep|yeah|sure|ok|okay|agree|willing|confirm|of course|true)/;
/** "没问题" and friends say yes although they contain a negation. */
export const YES_DESPITE_NEGATION = /(没问题|没有问题|不成问题|没得问题|no problem)/;
export const NEGATION = /(不|没|否|别|拒绝|(?<![a-z])no(?![a-z])|(?<![a-z])not(?![a-z])|n't|refuse)/;
