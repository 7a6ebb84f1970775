/**
 * Civil affairs' 低保 roster (最低生活保障对象花名册) as of December of the year: one row per member
 * of each household on the roster, title and two-level header with merged cells, amounts in 元.
 * Typed by township staff, so it has the most faults, including missing ID numbers (link by name,
 * birth date and address).
 */
import { ableToWorkAge } from '../key-groups.js';
import { HouseholdPlan, planHousehold } from '../income-plan.js';
import { CAREER } from '../params-population.js';
import { birthDateOf, householdAddress, SYNTHETIC_MARKER_ZH } from '../render.js';
import type { City } from '../types.js';
import { HOUSEHOLD_FLAG } from '../types.js';
import { yearParams } from '../year-params.js';
import { CHANNEL_FAULT_RATES, RowFaulter, SEX_LABEL, yuan, type ChannelSpec } from './common.js';

export const DIBAO_COLUMNS = [
  '序号', '县（市、区）', '乡镇（街道）', '村（社区）', '户编号', '保障类别', '姓名', '与户主关系', '性别', '出生日期', '公民身份号码',
  '劳动能力', '家庭住址', '保障人数', '保障标准（元/人·月）', '月保障金（元）', '纳入时间', '备注',
];
const RELATION_LABEL: Record<number, string> = { 2: '户主', 10: '配偶', 20: '子', 30: '女', 40: '孙子女', 50: '父母', 70: '兄弟姐妹', 80: '儿媳/女婿' };

export function dibaoRosterChannel(city: City, year: number): ChannelSpec {
  const rates = CHANNEL_FAULT_RATES.dibao;
  const header1 = ['序号', '县（市、区）', '乡镇（街道）', '村（社区）', '户编号', '保障类别', '家庭成员信息', '', '', '', '', '', '家庭住址', '保障人数', '保障标准（元/人·月）', '月保障金（元）', '纳入时间', '备注'];
  const header2 = ['', '', '', '', '', '', '姓名', '与户主关系', '性别', '出生日期', '公民身份号码', '劳动能力', '', '', '', '', '', ''];
  const vertical = 'ABCDEFMNOPQR'.split('').map((c) => `${c}3:${c}4`);
  return {
    key: 'dibao',
    file: `channels/dibao-roster-${year}.xlsx`,
    format: 'xlsx',
    encoding: 'UTF-8',
    amountUnit: '元',
    description: '民政局 城乡最低生活保障对象花名册 (December; one row per household member; merged two-level header)',
    columns: DIBAO_COLUMNS,
    layout: {
      sheets: ['低保花名册'],
      titleRows: [
        [`辽阳市城乡最低生活保障对象花名册（${year}年12月）——${SYNTHETIC_MARKER_ZH}，非真实个人信息`],
        ['填报单位：辽阳市民政局（演示）', '', '', '', '', '', '', '', '', '金额单位：元'],
      ],
      headerRows: [header1, header2],
      merges: ['A1:R1', 'A2:I2', 'J2:R2', 'G3:L3', ...vertical],
      columnWidths: [6, 10, 12, 14, 10, 10, 10, 10, 6, 12, 22, 12, 40, 8, 12, 12, 10, 14],
    },
    rates,
    *rows(tally) {
      const f = new RowFaulter(city, 'dibao', rates, tally);
      const P = yearParams(city, year);
      const plan = new HouseholdPlan();
      const g = city.geography;
      const hh = city.households;
      const ps = city.persons;
      let serial = 0;
      for (let h = 0; h < hh.count; h++) {
        if (!(hh.flags[h] & HOUSEHOLD_FLAG.dibao)) continue;
        planHousehold(city, h, P, plan);
        if (!plan.onRoster || plan.members === 0) continue;
        const v = hh.village[h];
        const t = g.townships[g.villages.township[v]];
        const address = householdAddress(city, h);
        const standard = P.dibaoStandard[plan.urban ? 0 : 1];
        for (let k = 0; k < plan.size; k++) {
          if (!plan.isMember[k]) continue;
          const p = hh.first[h] + k;
          const able = ableToWorkAge(ps, p, year) && ps.career[p] !== CAREER.disabled;
          serial++;
          const row = serial;
          yield* f.emit(p, 0, 10, 6, (idt) => [
            row, g.counties[t.county].name, t.name, g.villages.name[v], `DB${String(h).padStart(8, '0')}`, plan.urban ? '城市低保' : '农村低保',
            idt.name, RELATION_LABEL[ps.relation[p]] ?? '其他', SEX_LABEL[ps.sex[p]], birthDateOf(city, p), idt.id, able ? '有劳动能力' : '无劳动能力',
            address, plan.members, standard, Number(yuan(plan.dibaoMonthly)), `${hh.dibaoFrom[h]}-01`, SYNTHETIC_MARKER_ZH,
          ]);
        }
      }
    },
  };
}
