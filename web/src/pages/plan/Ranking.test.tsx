// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RankingRow } from './api';
import { Ranking, kindGroups } from './Ranking';
import { renderPage } from './testing';

const row = (departmentName: string, kind: string, rank: number, score: number, leadTasks = 1): RankingRow => ({
  departmentId: departmentName.length * 100 + rank, departmentName, kind, leadTasks, cooperatingTasks: 2, reportsDue: 6, reportsOnTime: 3,
  onTimeRate: 0.5, avgProgress: 40, closed: 0, red: 1, yellow: 0, score, rank,
});

const rows = [
  row('辽阳县人民政府', 'county_government', 1, 30),
  row('市财政局', 'department', 2, 20),
  row('国家统计局辽阳调查队', 'central_unit', 1, 25),
  row('市人力资源社会保障局', 'department', 1, 40),
  row('市公安局', 'department', 0, 0, 0),
];

afterEach(cleanup);

describe('unit ranking', () => {
  it('puts city departments first, then counties, then other kinds; ranked units before unranked ones', () => {
    expect(kindGroups(rows).map((g) => [g.kind, g.rows.map((r) => r.departmentName)])).toEqual([
      ['department', ['市人力资源社会保障局', '市财政局', '市公安局']],
      ['county_government', ['辽阳县人民政府']],
      ['central_unit', ['国家统计局辽阳调查队']],
    ]);
  });

  it('shows each group under its Chinese name with the score rule', () => {
    renderPage(<Ranking rows={rows} loading={false} />);
    expect(screen.getByText(/得分 = 50 × 按时报送率/)).toBeTruthy();
    const depts = screen.getByTestId('ranking-department');
    expect(depts.textContent).toContain('市直部门（3）');
    expect(screen.getByTestId('ranking-county_government').textContent).toContain('县(市)区（1）');
    const cells = within(depts).getAllByRole('row')[1].textContent;
    expect(cells).toContain('市人力资源社会保障局');
    expect(cells).toContain('3/6（50%）');
    expect(within(depts).getAllByRole('row')[3].textContent).toContain('不排名');
  });
});
