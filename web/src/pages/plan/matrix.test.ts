import { describe, expect, it } from 'vitest';
import { filterTasks, groupTasks, leadNames, roleOf, unitColumns } from './matrix';
import { statusOf, task, unit } from './testing';

const hrss = (role: 'lead' | 'cooperating') => unit(role, '市人力资源社会保障局', 1, 'hrss');
const finance = (role: 'lead' | 'cooperating') => unit(role, '市财政局', 2, 'finance');
const edu = (role: 'lead' | 'cooperating') => unit(role, '市教育局', 3, 'education');
const counties = unit('cooperating', '各县(市)区政府', 40, 'counties_all');
const unknown = unit('cooperating', '市某某中心', null);

const tasks = [
  task({ id: 11, seq: 1, units: [hrss('lead'), finance('cooperating'), edu('cooperating')], status: statusOf('red', 55, 55) }),
  task({ id: 12, seq: 2, units: [hrss('lead'), counties], status: statusOf('green') }),
  task({ id: 13, seq: 3, group: '新型职业农民激励计划', units: [finance('lead'), hrss('cooperating'), unknown], status: statusOf('yellow', 50, 20) }),
  // the same department named twice (lead and cooperating): it counts once, as lead
  task({ id: 14, seq: 4, group: '新型职业农民激励计划', units: [edu('lead'), edu('cooperating')], status: statusOf('done', 100, 0) }),
];

describe('task matrix data', () => {
  it('orders unit columns: most lead roles first, then county governments, then unmapped names', () => {
    // leads: 人社 2, 财政 1, 教育 1 (教育 also cooperates once = 2 tasks, 财政 2 tasks: tie broken by name)
    expect(unitColumns(tasks).map((c) => [c.name, c.lead, c.cooperating])).toEqual([
      ['市人力资源社会保障局', 2, 1],
      ['市财政局', 1, 1],
      ['市教育局', 1, 1],
      ['各县(市)区政府', 0, 1],
      ['市某某中心', 0, 1],
    ]);
  });

  it('keys an unmapped unit by its name and marks county governments', () => {
    const cols = unitColumns(tasks);
    expect(cols.find((c) => c.name === '市某某中心')).toMatchObject({ key: 'name:市某某中心', unmapped: true, county: false });
    expect(cols.find((c) => c.name === '各县(市)区政府')).toMatchObject({ key: '40', county: true });
  });

  it('gives a unit named twice in a task its lead role', () => {
    expect(roleOf(tasks[3], '3')).toBe('lead');
    expect(roleOf(tasks[0], '2')).toBe('cooperating');
    expect(roleOf(tasks[0], '40')).toBeNull();
  });

  it('groups consecutive tasks by 重点任务 in document order', () => {
    const shuffled = [tasks[2], tasks[0], tasks[3], tasks[1]];
    expect(groupTasks(shuffled).map((g) => [g.group, g.tasks.map((t) => t.seq)])).toEqual([
      ['技能人才激励计划', [1, 2]],
      ['新型职业农民激励计划', [3, 4]],
    ]);
  });

  it('filters by colour and by unit, either role', () => {
    expect(filterTasks(tasks, { colour: 'red' }).map((t) => t.id)).toEqual([11]);
    expect(filterTasks(tasks, { unit: '1' }).map((t) => t.id)).toEqual([11, 12, 13]);
    expect(filterTasks(tasks, { unit: '1', colour: 'yellow' }).map((t) => t.id)).toEqual([13]);
    expect(filterTasks(tasks, { unit: 'name:市某某中心' }).map((t) => t.id)).toEqual([13]);
    expect(filterTasks(tasks, {})).toHaveLength(4);
  });

  it('names the lead units', () => {
    expect(leadNames(tasks[2])).toEqual(['市财政局']);
  });
});
