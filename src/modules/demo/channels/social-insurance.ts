/**
 * The social insurance agency's contribution records (社会保险个人缴费明细) for one year: one sheet
 * per month, one row per insured person (employees through their employer, flexible-employment
 * self-employed on their own), amounts in 分 (integer fen) as the agency's system exports them.
 */
import { HouseholdYear, computeHousehold } from '../income.js';
import { SYNTHETIC_MARKER_ZH, socialInsuranceNumber } from '../render.js';
import type { City } from '../types.js';
import { yearParams } from '../year-params.js';
import { CHANNEL_FAULT_RATES, RowFaulter, type ChannelSpec } from './common.js';

export const SI_COLUMNS = [
  '个人编号', '姓名', '公民身份号码', '单位编号', '单位名称', '统一社会信用代码', '参保身份', '费款所属期', '缴费基数(分)',
  '养老保险个人缴费(分)', '医疗保险个人缴费(分)', '失业保险个人缴费(分)', '单位缴费合计(分)', '备注',
];

/** Growable columns of int32 records: pid, month, base, pension, medical, unemployment, employer part, flexible flag. */
class Records {
  data = new Int32Array(8 * 4096);
  n = 0;
  push(...v: number[]): void {
    if ((this.n + 1) * 8 > this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data.set(v, this.n * 8);
    this.n++;
  }
}

export function socialInsuranceChannel(city: City, year: number): ChannelSpec {
  const rates = CHANNEL_FAULT_RATES['social-insurance'];
  const sheets = Array.from({ length: 12 }, (_, i) => `${year}年${String(i + 1).padStart(2, '0')}月`);
  return {
    key: 'social-insurance',
    file: `channels/social-insurance-${year}.xlsx`,
    format: 'xlsx',
    encoding: 'UTF-8',
    amountUnit: '分',
    description: '社保中心 个人缴费明细 (one sheet per month; employee and flexible-employment contributions)',
    columns: SI_COLUMNS,
    layout: { sheets, titleRows: [], headerRows: [SI_COLUMNS], merges: [], columnWidths: [14, 10, 22, 12, 30, 22, 14, 10, 12, 14, 14, 14, 14, 14] },
    rates,
    *rows(tally) {
      const P = yearParams(city, year);
      const buf = new HouseholdYear();
      const rec = new Records();
      for (let h = 0; h < city.households.count; h++) {
        computeHousehold(city, h, P, buf);
        for (let k = 0; k < buf.size; k++) {
          for (let m = 1; m <= 12; m++) {
            const i = k * 12 + m - 1;
            if (buf.siBase[i] === 0) continue;
            const employee = buf.plan.formal[k] === 1;
            const unit = employee ? buf.siEmployer[i] - buf.hpf[i] : 0;
            rec.push(city.households.first[h] + k, m, buf.siBase[i], buf.siPension[i], buf.siMedical[i], buf.siUnemployment[i], unit, employee ? 0 : 1);
          }
        }
      }
      const f = new RowFaulter(city, 'social-insurance', rates, tally);
      const em = city.employers;
      const d = rec.data;
      for (let m = 1; m <= 12; m++) {
        const period = `${year}${String(m).padStart(2, '0')}`;
        for (let r = 0; r < rec.n; r++) {
          const o = r * 8;
          if (d[o + 1] !== m) continue;
          const p = d[o];
          const flexible = d[o + 7] === 1;
          const e = flexible ? -1 : city.persons.employer[p];
          yield* f.emit(p, m - 1, 2, 1, (idt) => [
            socialInsuranceNumber(p), idt.name, idt.id, e >= 0 ? `DW${String(e).padStart(8, '0')}` : '', e >= 0 ? em.name[e] : '',
            e >= 0 ? em.creditCode[e] : '', flexible ? '灵活就业人员' : '企业职工', period, d[o + 2], d[o + 3], d[o + 4], d[o + 5], d[o + 6],
            SYNTHETIC_MARKER_ZH,
          ]);
        }
      }
    },
  };
}
