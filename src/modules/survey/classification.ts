/**
 * The diary's item classification (收支项目分类), modelled on the NBS household income and expenditure
 * survey: every item has a code, a name, cash or in-kind, and the component of disposable income it
 * feeds (or the consumption category of the eight NBS categories). Versioned by year: a diary entry
 * uses the latest version whose year is not after the entry's year.
 *
 *   wage      工资性收入
 *   business  经营净收入 = 经营收入 − 经营费用 − 生产性固定资产折旧 − 生产税
 *   property  财产净收入 = 财产性收入 − 财产性支出 (with imputed rent of owner-occupied housing)
 *   transfer  转移净收入 = 转移性收入 − 转移性支出 (personal income tax, social insurance, support paid)
 *   none      recorded but no income: selling assets, loans, savings, buying a dwelling
 */
export const COMPONENTS = ['wage', 'business', 'property', 'transfer'] as const;
export type Component = (typeof COMPONENTS)[number];
export type ItemKind = 'income' | 'expense' | 'consumption' | 'other';
/** Where an amount goes in disposable income: +1 adds, −1 subtracts, 0 neither. */
export type Sign = 1 | -1 | 0;

export interface ClassItem {
  code: string;
  name: string;
  kind: ItemKind;
  component: Component | null;
  sign: Sign;
  /** 经营: income / cost / depreciation / tax; others null. */
  part: 'income' | 'cost' | 'depreciation' | 'tax' | null;
  inKind: boolean;
  /** 1–8: 食品烟酒, 衣着, 居住, 生活用品及服务, 交通通信, 教育文化娱乐, 医疗保健, 其他用品和服务. */
  category: number | null;
  /** The group heading the item sits under (for the item tree). */
  group: string;
}

export const CONSUMPTION_CATEGORIES = ['食品烟酒', '衣着', '居住', '生活用品及服务', '交通通信', '教育文化娱乐', '医疗保健', '其他用品和服务'] as const;

type Row = [code: string, name: string, inKind?: boolean];
const inc = (component: Component, group: string, rows: Row[], part: ClassItem['part'] = null): ClassItem[] =>
  rows.map(([code, name, inKind]) => ({ code, name, kind: 'income', component, sign: 1, part, inKind: !!inKind, category: null, group }));
const exp = (component: Component, group: string, rows: Row[], part: ClassItem['part'] = null): ClassItem[] =>
  rows.map(([code, name, inKind]) => ({ code, name, kind: 'expense', component, sign: -1, part, inKind: !!inKind, category: null, group }));
const con = (category: number, rows: Row[]): ClassItem[] =>
  rows.map(([code, name, inKind]) => ({ code, name, kind: 'consumption', component: null, sign: 0, part: null, inKind: !!inKind, category, group: CONSUMPTION_CATEGORIES[category - 1] }));

const BASE: ClassItem[] = [
  ...inc('wage', '工资性收入', [
    ['1101', '工资'],
    ['1102', '奖金、津贴和补贴'],
    ['1103', '劳务报酬（零工、兼职）'],
    ['1104', '单位发放的实物', true],
  ]),
  ...inc('business', '经营收入', [
    ['2101', '农业经营收入（出售粮食、蔬菜等）'],
    ['2102', '林牧渔业经营收入'],
    ['2103', '非农经营收入（商店、餐饮、运输、服务）'],
    ['2104', '自产自用农产品折价', true],
  ], 'income'),
  ...exp('business', '经营费用', [
    ['2201', '种子、化肥、农药'],
    ['2202', '饲料、兽药'],
    ['2203', '进货、原材料'],
    ['2204', '雇工工资'],
    ['2205', '经营场地租金、水电、运输'],
  ], 'cost'),
  ...exp('business', '生产性固定资产折旧', [['2301', '生产性固定资产折旧']], 'depreciation'),
  ...exp('business', '生产税', [['2401', '经营税费']], 'tax'),
  ...inc('property', '财产性收入', [
    ['3101', '利息收入'],
    ['3102', '红利、股息收入'],
    ['3103', '出租房屋收入'],
    ['3104', '出租土地（土地流转）收入'],
    ['3105', '其他财产性收入'],
    ['3106', '自有住房折算净租金', true],
  ]),
  ...exp('property', '财产性支出', [
    ['3201', '住房贷款利息'],
    ['3202', '其他财产性支出'],
  ]),
  ...inc('transfer', '转移性收入', [
    ['4101', '养老金或离退休金'],
    ['4102', '最低生活保障金、救济金'],
    ['4103', '政策性生产补贴（种粮补贴等）'],
    ['4104', '政策性生活补贴'],
    ['4105', '报销医疗费'],
    ['4106', '外出从业人员寄回带回收入'],
    ['4107', '赡养收入、亲友赠送'],
    ['4108', '其他转移性收入（失业保险金等）'],
  ]),
  ...exp('transfer', '转移性支出', [
    ['4201', '个人所得税'],
    ['4202', '社会保障支出（养老、医疗、失业保险，公积金）'],
    ['4203', '赡养支出、给亲友的钱物'],
    ['4204', '其他转移性支出（捐赠等）'],
  ]),
  ...con(1, [
    ['5101', '粮油'],
    ['5102', '肉禽蛋奶'],
    ['5103', '蔬菜水果'],
    ['5104', '在外饮食'],
    ['5105', '烟酒饮料'],
    ['5106', '其他食品'],
  ]),
  ...con(2, [
    ['5201', '服装'],
    ['5202', '鞋类'],
  ]),
  ...con(3, [
    ['5301', '房租'],
    ['5302', '水费'],
    ['5303', '电费'],
    ['5304', '燃气、取暖费'],
    ['5305', '物业费、住房维修'],
  ]),
  ...con(4, [
    ['5401', '家具、家用电器'],
    ['5402', '日用杂品'],
    ['5403', '家政服务'],
  ]),
  ...con(5, [
    ['5501', '公交、出租、火车等交通费'],
    ['5502', '汽车燃料、停车、维修'],
    ['5503', '话费、网费'],
    ['5504', '购买交通工具、手机'],
  ]),
  ...con(6, [
    ['5601', '学杂费、培训费'],
    ['5602', '书报、文化娱乐、旅游'],
  ]),
  ...con(7, [
    ['5701', '医疗服务'],
    ['5702', '药品、保健品'],
  ]),
  ...con(8, [
    ['5801', '美容美发、洗浴'],
    ['5802', '其他用品和服务'],
  ]),
  ...(
    [
      ['6101', '出售房产、车辆等财物所得'],
      ['6102', '借入款、收回借出款'],
      ['6103', '存款、理财、还贷本金'],
      ['6104', '购房、建房'],
    ] as Row[]
  ).map(([code, name]): ClassItem => ({ code, name, kind: 'other', component: null, sign: 0, part: null, inKind: false, category: null, group: '非收支项目（不计入收入）' })),
];

export interface ClassificationVersion {
  /** The first year the version applies to. */
  version: number;
  note: string;
  items: ClassItem[];
}

/** Shipped versions, oldest first. 2025 adds the national childcare subsidy (育儿补贴, from 2025). */
export const CLASSIFICATIONS: readonly ClassificationVersion[] = [
  { version: 2023, note: '基础版：工资、经营、财产、转移四项收入，八大类消费', items: BASE },
  {
    version: 2025,
    note: '新增育儿补贴（国家育儿补贴制度，2025年起）',
    items: [...BASE, ...inc('transfer', '转移性收入', [['4109', '育儿补贴']])].sort((a, b) => a.code.localeCompare(b.code)),
  },
];

/** The version that applies to a year: the latest not after it (the oldest for years before all). */
export function versionFor(year: number, versions: readonly { version: number }[] = CLASSIFICATIONS): number {
  let best = versions[0].version;
  for (const v of versions) if (v.version <= year && v.version > best) best = v.version;
  return best;
}

/** Net contribution (fen) of an amount of an item to its component. */
export function signedAmount(item: Pick<ClassItem, 'sign'>, fen: number): number {
  return item.sign * fen;
}
