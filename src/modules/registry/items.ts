/**
 * NBS income components and items (国家统计局住户收支调查口径). Disposable income =
 * 工资性收入 + 经营净收入 + 财产净收入 + 转移净收入; an item with sign −1 is an expenditure
 * (stored as a positive amount and subtracted).
 */
export const COMPONENTS = ['wage', 'business', 'property', 'transfer'] as const;
export type Component = (typeof COMPONENTS)[number];

export const COMPONENT_LABELS: Record<Component, { zh: string; en: string }> = {
  wage: { zh: '工资性收入', en: 'Wages and salaries' },
  business: { zh: '经营净收入', en: 'Net business income' },
  property: { zh: '财产净收入', en: 'Net property income' },
  transfer: { zh: '转移净收入', en: 'Net transfers' },
};

export interface ItemDef {
  component: Component;
  sign: 1 | -1;
  zh: string;
  en: string;
}

export const ITEMS = {
  wage: { component: 'wage', sign: 1, zh: '工资薪金', en: 'Wages' },
  bonus: { component: 'wage', sign: 1, zh: '全年一次性奖金', en: 'Annual bonus' },
  labour_service: { component: 'wage', sign: 1, zh: '劳务报酬', en: 'Labour remuneration' },
  business: { component: 'business', sign: 1, zh: '经营净收入', en: 'Net business income' },
  business_revenue: { component: 'business', sign: 1, zh: '经营收入', en: 'Business revenue' },
  business_cost: { component: 'business', sign: -1, zh: '经营费用', en: 'Business costs' },
  interest: { component: 'property', sign: 1, zh: '利息', en: 'Interest' },
  dividends: { component: 'property', sign: 1, zh: '红利', en: 'Dividends' },
  rent: { component: 'property', sign: 1, zh: '出租房屋收入', en: 'Rent received' },
  imputed_rent: { component: 'property', sign: 1, zh: '自有住房折算净租金', en: 'Imputed rent of owned housing' },
  property_expense: { component: 'property', sign: -1, zh: '财产性支出', en: 'Property expenses' },
  pension: { component: 'transfer', sign: 1, zh: '养老金或离退休金', en: 'Pensions' },
  dibao: { component: 'transfer', sign: 1, zh: '最低生活保障金', en: 'Minimum living allowance (低保)' },
  subsidies: { component: 'transfer', sign: 1, zh: '政策性补贴', en: 'Public subsidies' },
  other_transfers: { component: 'transfer', sign: 1, zh: '其他转移性收入', en: 'Other transfers received' },
  iit: { component: 'transfer', sign: -1, zh: '个人所得税', en: 'Personal income tax' },
  social_insurance: { component: 'transfer', sign: -1, zh: '社会保障支出', en: 'Social insurance contributions' },
  support_paid: { component: 'transfer', sign: -1, zh: '赡养支出', en: 'Support paid to other households' },
} as const satisfies Record<string, ItemDef>;
export type Item = keyof typeof ITEMS;
export const ITEM_CODES = Object.keys(ITEMS) as Item[];

export function isItem(s: string): s is Item {
  return Object.prototype.hasOwnProperty.call(ITEMS, s);
}

/** Signed contribution of an amount of the item to disposable income. */
export function signedAmount(item: Item, amountFen: number): number {
  return ITEMS[item].sign * amountFen;
}

export const PROPERTY_KINDS = ['dwelling', 'vehicle', 'deposit', 'security'] as const;
export type PropertyKind = (typeof PROPERTY_KINDS)[number];
export const PROPERTY_LABELS: Record<PropertyKind, { zh: string; en: string }> = {
  dwelling: { zh: '住房', en: 'Dwelling' },
  vehicle: { zh: '车辆', en: 'Vehicle' },
  deposit: { zh: '存款', en: 'Deposit' },
  security: { zh: '有价证券', en: 'Securities' },
};

export const SI_SCHEMES = ['pension', 'medical', 'unemployment', 'injury', 'maternity', 'housing_fund'] as const;
export type SiScheme = (typeof SI_SCHEMES)[number];
export const SI_LABELS: Record<SiScheme, { zh: string; en: string }> = {
  pension: { zh: '养老保险', en: 'Pension insurance' },
  medical: { zh: '医疗保险', en: 'Medical insurance' },
  unemployment: { zh: '失业保险', en: 'Unemployment insurance' },
  injury: { zh: '工伤保险', en: 'Work injury insurance' },
  maternity: { zh: '生育保险', en: 'Maternity insurance' },
  housing_fund: { zh: '住房公积金', en: 'Housing provident fund' },
};
