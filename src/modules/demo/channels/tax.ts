/**
 * The tax bureau's monthly withholding records (个人所得税扣缴申报明细) for one year: one row per
 * formal employee and month of regular wages (cumulative method from 2019, monthly before), plus a
 * row for the annual one-off bonus. CSV in GB18030, amounts in 元.
 */
import { HouseholdYear, computeHousehold } from '../income.js';
import { annualComprehensiveTax, monthlyBasicDeduction } from '../tax.js';
import { SYNTHETIC_MARKER_ZH } from '../render.js';
import type { Cell } from '../records.js';
import type { City } from '../types.js';
import { yearParams } from '../year-params.js';
import { CHANNEL_FAULT_RATES, RowFaulter, yuan, type ChannelSpec } from './common.js';

export const TAX_COLUMNS = [
  '所属期', '扣缴义务人名称', '扣缴义务人纳税人识别号', '姓名', '证件类型', '证件号码', '所得项目', '本期收入', '本期减除费用',
  '基本养老保险费', '基本医疗保险费', '失业保险费', '住房公积金', '累计收入额', '累计减除费用', '累计专项扣除', '累计专项附加扣除',
  '累计应纳税所得额', '累计应纳税额', '累计已预缴税额', '本期应扣缴税额', '备注',
];

export function taxChannel(city: City, year: number): ChannelSpec {
  const rates = CHANNEL_FAULT_RATES.tax;
  return {
    key: 'tax',
    file: `channels/tax-withholding-${year}.csv`,
    format: 'csv',
    encoding: 'GB18030',
    amountUnit: '元',
    description: '税务局 个人所得税扣缴申报明细 (monthly withholding, one row per employee and month; bonus rows separate)',
    columns: TAX_COLUMNS,
    rates,
    *rows(tally) {
      const f = new RowFaulter(city, 'tax', rates, tally);
      const P = yearParams(city, year);
      const buf = new HouseholdYear();
      const em = city.employers;
      for (let h = 0; h < city.households.count; h++) {
        computeHousehold(city, h, P, buf);
        for (let k = 0; k < buf.size; k++) {
          if (!buf.plan.formal[k] || !buf.isMember[k]) continue;
          const p = city.households.first[h] + k;
          const e = city.persons.employer[p];
          const payer = e >= 0 ? em.name[e] : '';
          const payerCode = e >= 0 ? em.creditCode[e] : '';
          const special = buf.plan.specialDeduction[k];
          let cumIncome = 0;
          let cumDeduct = 0;
          let cumSI = 0;
          let cumSpecial = 0;
          let withheld = 0;
          for (let m = 1; m <= 12; m++) {
            const i = k * 12 + m - 1;
            const wage = buf.regularWage[i];
            if (wage === 0) continue;
            const si = buf.siPension[i] + buf.siMedical[i] + buf.siUnemployment[i] + buf.hpf[i];
            const tax = buf.wageTax[i];
            const period = `${year}-${String(m).padStart(2, '0')}`;
            let cumulative: Cell[];
            if (year >= 2019) {
              cumIncome += wage;
              cumDeduct += 500000;
              cumSI += si;
              cumSpecial += special;
              const taxable = Math.max(0, cumIncome - cumDeduct - cumSI - cumSpecial);
              cumulative = [yuan(cumIncome), yuan(cumDeduct), yuan(cumSI), yuan(cumSpecial), yuan(taxable), yuan(annualComprehensiveTax(taxable)), yuan(withheld)];
              withheld += tax;
            } else {
              cumulative = ['', '', '', '', '', '', ''];
            }
            yield* f.emit(p, 0, 5, 3, (idt) => [
              period, payer, payerCode, idt.name, '居民身份证', idt.id, '正常工资薪金', yuan(wage), yuan(monthlyBasicDeduction(year, m) * 100),
              yuan(buf.siPension[i]), yuan(buf.siMedical[i]), yuan(buf.siUnemployment[i]), yuan(buf.hpf[i]), ...cumulative, yuan(tax), SYNTHETIC_MARKER_ZH,
            ]);
          }
          const bonus = buf.plan.bonus[k];
          if (bonus > 0) {
            yield* f.emit(p, 0, 5, 3, (idt) => [
              `${year}-12`, payer, payerCode, idt.name, '居民身份证', idt.id, '全年一次性奖金收入', yuan(bonus), '', '', '', '', '',
              '', '', '', '', '', '', '', yuan(buf.plan.bonusTax[k]), SYNTHETIC_MARKER_ZH,
            ]);
          }
        }
      }
    },
  };
}
