// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { makeMe, mockApi, ok } from '../../testing/mockApi';
import { DEFINITIONS, entry } from './fixtures';
import { renderPage } from './testing';

let me: Me = makeMe();
vi.mock('../../session/SessionContext', () => ({ useMe: () => me }));
const { Entries, enterable } = await import('./Entries');

const REGIONS = [{ code: '211000', name: '辽阳市' }, { code: '211002', name: '白塔区' }];
const liaison = () => makeMe({ username: 'lianluo.agriculture', roles: ['liaison'], department: { id: 9, code: 'agriculture', name: '市农业农村局' }, permissions: ['plan.read', 'plan.report', 'indicators.read', 'indicators.enter'] });
const supervisor = () => makeMe({ username: 'ducha', roles: ['supervisor'], department: null, permissions: ['plan.read', 'plan.supervise', 'indicators.read', 'indicators.enter'] });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('manual entry of administrative indicators', () => {
  it("offers a liaison their department's administrative indicators, else every administrative one", () => {
    expect(enterable(DEFINITIONS, 'agriculture').map((d) => d.code)).toEqual(['coop.land_share']);
    const other = [...DEFINITIONS, { ...DEFINITIONS[7]!, code: 'dibao.count', department: 'civil_affairs' }];
    expect(enterable(other, 'agriculture').map((d) => d.code)).toEqual(['coop.land_share']);
    expect(enterable(other, null).map((d) => d.code)).toEqual(['coop.land_share', 'dibao.count']);
    expect(enterable(DEFINITIONS.filter((d) => d.source !== 'admin'), 'agriculture')).toEqual([]);
  });

  it('lets a liaison enter the cooperative count for a period and region, and lists it as awaiting approval', async () => {
    me = liaison();
    const stored: ReturnType<typeof entry>[] = [];
    const { calls } = mockApi({
      'GET /api/indicators/definitions': ok(DEFINITIONS),
      'GET /api/indicators/entries': () => ok(stored),
      'POST /api/indicators/entries': (body) => {
        const e = entry({ id: 11, ...(body as object), enteredBy: '农业联络员' });
        stored.push(e);
        return ok(e);
      },
    });
    renderPage(<Entries regions={REGIONS} />);
    const form = await screen.findByTestId('entry-form');
    fireEvent.mouseDown(within(form).getByLabelText('指标'));
    fireEvent.click(await screen.findByTitle('千亩以上土地股份合作社'));
    fireEvent.change(within(form).getByLabelText('期别'), { target: { value: '2025' } });
    fireEvent.change(within(form).getByLabelText('数值'), { target: { value: '74' } });
    fireEvent.change(within(form).getByLabelText('说明（可不填）'), { target: { value: '新建 2 家' } });
    fireEvent.click(screen.getByTestId('entry-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ indicator: 'coop.land_share', period: '2025', region: '211000', value: 74, note: '新建 2 家' });
    const row = await screen.findByTestId('entry-11');
    expect(row.textContent).toContain('待审核');
    expect(row.textContent).toContain('74 家');
    expect(row.textContent).toContain('千亩以上土地股份合作社');
    // a liaison cannot approve
    expect(screen.queryByTestId('approve-11')).toBeNull();
  });

  it('refuses a malformed period before sending anything', async () => {
    me = liaison();
    const { calls } = mockApi({ 'GET /api/indicators/definitions': ok(DEFINITIONS), 'GET /api/indicators/entries': ok([]) });
    renderPage(<Entries regions={REGIONS} />);
    const form = await screen.findByTestId('entry-form');
    fireEvent.change(within(form).getByLabelText('期别'), { target: { value: '2025-13' } });
    fireEvent.click(screen.getByTestId('entry-submit'));
    expect(await screen.findByText('期别格式应为 2023、2023-Q3 或 2023-07')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('lets a supervisor approve one entry and return another with a reason', async () => {
    me = supervisor();
    let rows = [entry({ id: 1 }), entry({ id: 2, value: 90, region: '211002' })];
    const { calls } = mockApi({
      'GET /api/indicators/definitions': ok(DEFINITIONS),
      'GET /api/indicators/entries': () => ok(rows),
      'POST /api/indicators/entries/1/approve': () => {
        rows = rows.map((r) => (r.id === 1 ? { ...r, status: 'approved', reviewedBy: '督查室' } : r));
        return ok(rows[0]);
      },
      'POST /api/indicators/entries/2/return': (body) => {
        rows = rows.map((r) => (r.id === 2 ? { ...r, status: 'returned', reviewedBy: '督查室', reviewComment: (body as { comment: string }).comment } : r));
        return ok(rows[1]);
      },
    });
    renderPage(<Entries regions={REGIONS} />);
    fireEvent.click(await screen.findByTestId('approve-1'));
    await waitFor(() => expect(screen.getByTestId('entry-1').textContent).toContain('已审核'));
    fireEvent.click(screen.getByTestId('return-2'));
    const reason = await screen.findByLabelText('退回原因');
    fireEvent.change(reason, { target: { value: '与统计年鉴不符，请核实' } });
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: /退\s*回/ }));
    await waitFor(() => expect(screen.getByTestId('entry-2').textContent).toContain('与统计年鉴不符，请核实'));
    expect(screen.getByTestId('entry-2').textContent).toContain('已退回');
    expect(screen.getByTestId('entry-2').textContent).toContain('白塔区');
    expect(calls.find((c) => c.path === '/api/indicators/entries/2/return')!.body).toEqual({ comment: '与统计年鉴不符，请核实' });
  });
});
