/**
 * The person fields the income model reads every year, packed 32 bytes per person in one buffer
 * (Int32 and Float32 views of it), so planning a household touches one or two cache lines per
 * member instead of one per column. Derived once from Persons; read-only afterwards.
 */
import { CAREER } from './params-population.js';
import { RESIDENT_PENSION_CONTRIBUTION } from './params-income.js';
import { hashU01 } from './rng.js';
import type { City, PackedPersons } from './types.js';

export const STRIDE = 8;
/** Int32 slots */
export const BIRTH_MONTH = 0;
export const WORK_START = 1;
export const WORK_END = 2;
export const PENSION_START = 3;
export const BITS = 4;
export const HPF_RATE = 5;
/** Float32 slots */
export const PENSION_LATENT = 6;
export const BONUS_MONTHS = 7;
/** BITS: career in bits 0–2, then flags */
export const FORMAL = 1 << 3;
export const SELF_INSURED = 1 << 4;
export const RESIDENT_CONTRIBUTOR = 1 << 5;
export const EMPLOYEE_PENSION = 1 << 6;

export function buildPacked(city: Omit<City, 'packed'>): PackedPersons {
  const ps = city.persons;
  const buffer = new ArrayBuffer(ps.count * STRIDE * 4);
  const i32 = new Int32Array(buffer);
  const f32 = new Float32Array(buffer);
  for (let p = 0; p < ps.count; p++) {
    const o = p * STRIDE;
    i32[o + BIRTH_MONTH] = ps.birthMonth[p];
    i32[o + WORK_START] = ps.workStart[p];
    i32[o + WORK_END] = ps.workEnd[p];
    i32[o + PENSION_START] = ps.pensionStart[p];
    i32[o + BITS] =
      ps.career[p] |
      (ps.formal[p] ? FORMAL : 0) |
      (ps.selfInsured[p] ? SELF_INSURED : 0) |
      (hashU01(city.seed, p, 0x5e11) < RESIDENT_PENSION_CONTRIBUTION.participation ? RESIDENT_CONTRIBUTOR : 0) |
      (ps.pensionLatent[p] > 0 ? EMPLOYEE_PENSION : 0);
    const e = ps.employer[p];
    i32[o + HPF_RATE] = e >= 0 && ps.career[p] === CAREER.employee ? city.employers.hpfRate[e] : 0;
    f32[o + PENSION_LATENT] = ps.pensionLatent[p];
    f32[o + BONUS_MONTHS] = ps.bonusMonths[p];
  }
  return { i32, f32 };
}
