// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TaskMatrix } from './TaskMatrix';
import { renderPage, statusOf, task, unit } from './testing';

const tasks = [
  task({ id: 11, seq: 1, title: '完善技术工人薪酬激励机制', units: [unit('lead', '市人力资源社会保障局', 1), unit('cooperating', '市财政局', 2)], status: statusOf('red', 55.6, 55.6) }),
  task({ id: 12, seq: 2, title: '贯通职业资格认证渠道', progress: 50, units: [unit('lead', '市人力资源社会保障局', 1)], status: statusOf('green', 55.6, 5.6) }),
  task({ id: 13, seq: 3, group: '新型职业农民激励计划', title: '加快建立农业信贷担保体系', units: [unit('lead', '市财政局', 2)], status: statusOf('yellow', 55.6, 25) }),
];

afterEach(cleanup);

describe('task matrix', () => {
  it('shows each measure with ● for the lead and ○ for cooperating units, its status and progress against plan', () => {
    renderPage(<TaskMatrix tasks={tasks} onOpen={() => undefined} />);
    const row1 = screen.getByTestId('matrix-row-1');
    expect(row1.getAttribute('data-colour')).toBe('red');
    expect(within(row1).getByTitle('市人力资源社会保障局：牵头单位').textContent).toBe('●');
    expect(within(row1).getByTitle('市财政局：配合单位').textContent).toBe('○');
    expect(row1.textContent).toContain('严重滞后');
    expect(within(screen.getByTestId('matrix-row-2')).getByRole('meter').getAttribute('aria-label')).toBe('实际进度 50%，序时进度 55.6%');
    // group headings in document order
    const text = screen.getByTestId('task-matrix').textContent ?? '';
    expect(text.indexOf('技能人才激励计划')).toBeLessThan(text.indexOf('新型职业农民激励计划'));
    // two units, two columns: 人社局 leads two measures, so it comes first
    const headers = within(screen.getByTestId('task-matrix')).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.slice(3)).toEqual(['市人力资源社会保障局', '市财政局']);
  });

  it('filters by status colour and reports how many are shown', () => {
    renderPage(<TaskMatrix tasks={tasks} onOpen={() => undefined} />);
    expect(screen.getByTestId('matrix-shown').textContent).toBe('显示 3 / 3 项');
    fireEvent.click(within(screen.getByTestId('matrix-colour-filter')).getByText((_, el) => el?.tagName === 'SPAN' && el.textContent === '■ 滞后 1'));
    expect(screen.getByTestId('matrix-shown').textContent).toBe('显示 1 / 3 项');
    expect(screen.getByTestId('matrix-row-3')).toBeTruthy();
    expect(screen.queryByTestId('matrix-row-1')).toBeNull();
  });

  it('opens a task from its title', () => {
    const onOpen = vi.fn();
    renderPage(<TaskMatrix tasks={tasks} onOpen={onOpen} />);
    fireEvent.click(screen.getByText('加快建立农业信贷担保体系'));
    expect(onOpen).toHaveBeenCalledWith(13);
  });
});
