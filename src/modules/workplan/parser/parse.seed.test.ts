import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import expected from './fixtures/seed-expected-units.json' with { type: 'json' };
import { parsePlan } from './index.js';

const seed = readFileSync(new URL('../seeds/liaoyang-2018-15-income-plan.txt', import.meta.url), 'utf8');
const plan = parsePlan(seed);

describe('parsePlan on 辽市政发〔2018〕15号', () => {
  it('reads the document metadata', () => {
    expect(plan.title).toBe('辽阳市激发重点群体活力带动城乡居民增收工作方案');
    expect(plan.noticeTitle).toBe('关于印发辽阳市激发重点群体活力带动城乡居民增收工作方案的通知');
    expect(plan.docNumber).toBe('辽市政发〔2018〕15号');
    expect(plan.issuer).toBe('辽阳市人民政府');
    // 2018年5月22日 is the date of issue; 2018年07月13日 on line 1 is the website's publication date.
    expect(plan.date).toBe('2018-05-22');
    expect(plan.preamble).toMatch(/^为加快实施七大群体激励计划和六大支撑行动.*制定本方案。$/);
  });

  it('finds exactly the 58 measures, with exactly the units the text names (hand-checked list)', () => {
    expect(plan.measures).toHaveLength(58);
    const got = plan.measures.map((m) => ({
      line: m.line,
      ref: m.ref,
      lead: m.lead,
      cooperating: m.cooperating,
      responsible: m.responsible,
      etc: m.etc,
    }));
    expect(got).toEqual(expected.measures);
  });

  it('builds the section tree: 4 parts, 7 groups and 6 actions', () => {
    expect(plan.sections.map((s) => `${s.number}${s.title}`)).toEqual(['一总体要求', '二激发七大重点群体活力', '三实施六大支撑行动', '四工作要求']);
    expect(plan.sections[1].children.map((c) => c.children.length)).toEqual([3, 9, 9, 6, 2, 3, 3]);
    expect(plan.sections[2].children.map((c) => c.children.length)).toEqual([6, 4, 4, 3, 3, 3]);
    expect(plan.sections[0].children.map((c) => c.title)).toEqual(['指导思想', '主要目标']);
    // 四、工作要求 names no units: its items are sections, not measures.
    expect(plan.sections[3].children.every((c) => c.measure === null && c.children.length === 0)).toBe(true);
    expect(plan.sections[1].children[0].children[0].measure).toBe(1);
  });

  it('gives each measure its path, titles, first-sentence title and text without the unit clause', () => {
    const m = plan.measures[0];
    expect(m.index).toBe(1);
    expect(m.number).toBe('1');
    expect(m.path).toEqual(['二', '(一)', '1']);
    expect(m.pathTitles).toEqual(['激发七大重点群体活力', '技能人才激励计划', '完善技术工人薪酬激励机制']);
    expect(m.title).toBe('完善技术工人薪酬激励机制');
    expect(m.text.startsWith('完善技术工人薪酬激励机制。执行国家职业技能标准等级设置')).toBe(true);
    expect(m.text.endsWith('与其绩效工资挂钩。')).toBe(true);
    expect(m.text).not.toMatch(/牵头单位|配合单位/);
    // A measure that is one sentence: its title is that sentence.
    expect(plan.measures[6].title).toBe('改进农业保险产品和服务,支持农民发展现代农业');
    // "(牵头单位:…)。": the full stop after the bracket does not stay behind as "。。".
    const m55 = plan.measures.find((x) => x.ref === '三(五)3')!;
    expect(m55.text.endsWith('完善鼓励回馈社会、扶贫济困的税收政策。')).toBe(true);
    // (辽市政发〔2016〕38号) in the body is a document number, not a unit clause: kept in the text.
    expect(plan.measures[2].text).toContain('(辽市政发〔2016〕38号)');
  });

  it('reads the quantitative targets of 二(二)9: 2018 → 10 个, 2022 → 80 家 in total', () => {
    const m = plan.measures.find((x) => x.ref === '二(二)9')!;
    expect(m.targets).toEqual([
      { year: 2018, value: 10, unit: '个', text: '2018年再建成10个千亩以上土地股份合作社', cumulative: false },
      { year: 2022, value: 80, unit: '家', text: '到2022年,全市千亩以上农村土地股份合作社总数达到80家', cumulative: true },
    ]);
    // "连续3次拒绝" in 二(七)2 has no year: a rule, not a target.
    expect(plan.measures.filter((x) => x.targets.length > 0).map((x) => x.ref)).toEqual(['二(二)9']);
  });

  it('reports the open-ended list of 三(二)4 and nothing else', () => {
    expect(plan.warnings).toEqual([
      { line: 77, code: 'ETC_STRIPPED', message: expect.stringContaining('等'), measure: 45 },
    ]);
  });
});
