/** The scope of assistance (term 3.1 工业产品): which product categories the guide covers. */
import type { LocalizedText } from '../../rubrics/rubricSchema.js';
import type { Option } from './choiceOption.js';

/** Term 3.1 工业产品, verbatim. */
export const industrialProductDefinition: LocalizedText = {
  zh: '经过工业化过程加工、制作，且用于销售的产品。不包括食品、药品、特种设备以及有特别法管理的产品。',
  en: 'A product processed or made by an industrial process and intended for sale. Excludes food, drugs, special equipment and products governed by special laws.',
};

export const PRODUCT_CATEGORIES = ['industrial', 'food', 'drug', 'special-equipment', 'special-law'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const productCategoryOptions: readonly Option<ProductCategory>[] = [
  { value: 'industrial', zh: '工业产品', en: 'Industrial product' },
  { value: 'food', zh: '食品', en: 'Food' },
  { value: 'drug', zh: '药品', en: 'Drug' },
  { value: 'special-equipment', zh: '特种设备', en: 'Special equipment' },
  { value: 'special-law', zh: '有特别法管理的产品', en: 'Product governed by a special law' },
];
