/**
 * Input variables: what a situation or a population supplies. Amounts in 元; months are the
 * simulation year's months.
 */
import type { Entity, Label, Period, Unit, VariableDef } from '../engine/index.js';

function input(name: string, entity: Entity, period: Period, unit: Unit, label: Label, doc: string, dflt = 0, programme = 'input'): VariableDef {
  return { name, entity, period, unit, label, doc, programme, input: { default: dflt } };
}

export const PERSON_INPUTS: VariableDef[] = [
  input('wage_monthly', 'person', 'month', 'yuan', { zh: '工资薪金（每月应发）', en: 'Wages and salaries paid in the month' },
    'Regular wages and salaries before any deduction, excluding the annual one-off bonus. A month with a wage counts as a month employed.'),
  input('bonus_annual', 'person', 'year', 'yuan', { zh: '全年一次性奖金', en: 'Annual one-off bonus' }, 'Paid once in the year, in bonus_month.'),
  input('bonus_month', 'person', 'year', 'month', { zh: '全年一次性奖金发放月份', en: 'Month the annual bonus is paid' }, '1–12.', 12),
  input('labour_remuneration_monthly', 'person', 'month', 'yuan', { zh: '劳务报酬（每月收入）', en: 'Labour remuneration received in the month' },
    'Payments for the same service within a month count as one payment (国家税务总局公告2018年第61号).'),
  input('author_fees_monthly', 'person', 'month', 'yuan', { zh: '稿酬（每月收入）', en: "Author's fees received in the month" }, ''),
  input('royalties_monthly', 'person', 'month', 'yuan', { zh: '特许权使用费（每月收入）', en: 'Royalties received in the month' }, ''),
  input('business_income_annual', 'person', 'year', 'yuan', { zh: '经营所得（收入总额减成本费用损失）', en: 'Net business income (revenue less costs and losses)' },
    '个体工商户, sole proprietorships, partnerships, contracted operations.'),
  input('agricultural_income_annual', 'person', 'year', 'yuan', { zh: '农业生产经营净收入（免征个人所得税）', en: 'Net farming income (exempt from income tax)' }, ''),
  input('deposit_interest_annual', 'person', 'year', 'yuan', { zh: '储蓄存款利息', en: 'Savings deposit interest' }, ''),
  input('dividend_income_annual', 'person', 'year', 'yuan', { zh: '股息红利（全额计税）', en: 'Dividends taxed in full' }, ''),
  input('listed_dividend_long_annual', 'person', 'year', 'yuan', { zh: '上市公司股息（持股超过1年）', en: 'Dividends of listed companies held over a year' }, ''),
  input('rental_income_monthly', 'person', 'month', 'yuan', { zh: '出租住房租金收入（每月）', en: 'Rent received for a home let, per month' }, ''),
  input('property_transfer_gain_annual', 'person', 'year', 'yuan', { zh: '财产转让所得（转让收入减原值和合理费用）', en: 'Gains on property transfers' },
    'Taxed at 20%; not income in the NBS sense.'),
  input('incidental_income_annual', 'person', 'year', 'yuan', { zh: '偶然所得', en: 'Incidental income (prizes, lottery)' }, ''),
  input('pension_annual', 'person', 'year', 'yuan', { zh: '养老金、离退休金', en: 'Pensions received' }, 'Exempt from income tax; a transfer in NBS terms.'),
  input('domiciled', 'person', 'year', 'flag', { zh: '在中国境内有住所', en: 'Domiciled in China' }, '', 1, 'iit'),
  input('days_in_china', 'person', 'year', 'days', { zh: '纳税年度内在中国境内居住天数', en: 'Days in China in the tax year' }, '', 365, 'iit'),
  input('si_insured', 'person', 'year', 'flag', { zh: '参加职工社会保险', en: 'Covered by employee social insurance' },
    'When 1, contributions are due on every month with a wage.', 1, 'social_insurance'),
  input('si_declared_base_monthly', 'person', 'year', 'yuan', { zh: '申报缴费工资基数（每月，0 = 按当月工资）', en: 'Declared contribution base per month (0 = the month’s wage)' },
    'Usually last year’s average monthly wage; bounded by the floor and cap.', 0, 'social_insurance'),
  input('hpf_rate', 'person', 'year', 'rate', { zh: '住房公积金个人缴存比例', en: 'Housing provident fund personal rate' },
    '0 when the employer pays no housing fund; 0.05–0.12.', 0, 'social_insurance'),
  input('social_insurance_other_annual', 'person', 'year', 'yuan', { zh: '灵活就业及城乡居民社会保险个人缴费', en: 'Flexible-employment and residents’ insurance contributions paid' },
    'Deductible from business income; a transfer spending in NBS terms.', 0, 'social_insurance'),
  input('children_in_education', 'person', 'year', 'count', { zh: '接受学历教育的子女数', en: 'Children in full-time education (age 3 and over)' }, '', 0, 'iit'),
  input('infants', 'person', 'year', 'count', { zh: '3岁以下婴幼儿数', en: 'Children under 3' }, '', 0, 'iit'),
  input('child_deduction_share', 'person', 'year', 'rate', { zh: '子女相关扣除本人扣除比例', en: 'Share of the child deductions this parent claims' }, '1 or 0.5.', 1, 'iit'),
  input('elderly_support', 'person', 'year', 'code', { zh: '赡养老人（0 无，1 独生子女，2 非独生子女）', en: 'Elderly support (0 none, 1 only child, 2 with siblings)' },
    'With siblings, the person claims the largest share allowed.', 0, 'iit'),
  input('continuing_education_degree', 'person', 'year', 'flag', { zh: '学历（学位）继续教育', en: 'In continuing education for a degree' }, '', 0, 'iit'),
  input('continuing_education_certificate', 'person', 'year', 'flag', { zh: '当年取得职业资格继续教育证书', en: 'Obtained a vocational certificate this year' }, '', 0, 'iit'),
  input('housing_loan', 'person', 'year', 'flag', { zh: '首套住房贷款利息', en: 'Pays interest on a first-home loan' }, '', 0, 'iit'),
  input('rent_city_tier', 'person', 'year', 'code', { zh: '住房租金扣除城市类别（0 不扣除，1/2/3）', en: 'Rent deduction city tier (0 none, 1, 2, 3)' },
    '1: municipalities, provincial capitals, separately planned cities; 2: more than 1 million registered urban residents; 3: others. Not combined with the housing loan.', 0, 'iit'),
  input('serious_illness_expense_annual', 'person', 'year', 'yuan', { zh: '大病医疗医保目录内自付费用', en: 'Self-paid serious illness costs' }, '', 0, 'iit'),
  input('other_deductions_annual', 'person', 'year', 'yuan', { zh: '依法确定的其他扣除（年）', en: 'Other deductions allowed by law (year)' },
    'Enterprise annuity, commercial health insurance, tax-deferred pension, personal pension.', 0, 'iit'),
  input('job_refusal_streak_initial', 'person', 'year', 'count', { zh: '年初连续无正当理由拒绝介绍工作次数', en: 'Consecutive unjustified job refusals at the start of the year' },
    'From the referral records (see dibao referrals).', 0, 'dibao'),
  input('job_refusal_streak_monthly', 'person', 'month', 'count', { zh: '月末连续无正当理由拒绝介绍工作次数', en: 'Consecutive unjustified job refusals at the end of the month' },
    'Resets when a referred job is accepted or refused with a valid reason.', 0, 'dibao'),
];

export const HOUSEHOLD_INPUTS: VariableDef[] = [
  input('urban', 'household', 'year', 'flag', { zh: '城镇（1）或农村（0）', en: 'Urban (1) or rural (0)' }, 'Chooses the 低保 standard and the minimum-wage tier.', 1),
  input('dibao_take_up', 'household', 'year', 'flag', { zh: '申请低保', en: 'Applies for 低保' }, 'Households that do not apply receive nothing.', 1, 'dibao'),
  input('dibao_assets_ok', 'household', 'year', 'flag', { zh: '符合低保财产条件', en: 'Meets the 低保 asset conditions' }, '', 1, 'dibao'),
  input('imputed_rent_annual', 'household', 'year', 'yuan', { zh: '自有住房折算净租金', en: 'Imputed net rent of owner-occupied housing' }, 'NBS property income; not 低保 income.'),
  input('property_expense_annual', 'household', 'year', 'yuan', { zh: '财产性支出（房贷利息等）', en: 'Property spending (mortgage interest)' }, ''),
  input('transfers_received_annual', 'household', 'year', 'yuan', { zh: '其他转移性收入（赡养、补贴等）', en: 'Other transfers received (support, subsidies)' }, ''),
  input('transfers_paid_annual', 'household', 'year', 'yuan', { zh: '其他转移性支出（赡养其他住户等）', en: 'Other transfers paid (support to other households)' }, ''),
];
