// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { makeMe, mockApi, ok } from '../../testing/mockApi';
import { fixtureDashboard } from './fixtures';
import { renderPage } from './testing';

let me: Me = makeMe();
vi.mock('../../session/SessionContext', () => ({ useMe: () => me }));
const { default: IndicatorsPage } = await import('./IndicatorsPage');

const hrss = () => makeMe({ username: 'lianluo.hrss', roles: ['liaison'], department: { id: 4, code: 'hrss', name: '市人力资源社会保障局' }, permissions: ['plan.read', 'plan.report', 'indicators.read', 'indicators.enter'] });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('key-group rosters', () => {
  it('uploads a roster file for the chosen group and shows what was accepted and which rows were not', async () => {
    me = hrss();
    const summary = [{ group: 'skilled', label: { zh: '技能人才', en: 'Skilled workers' }, source: '市人力资源社会保障局', synthetic: false, members: 0, inRegistry: 0 }];
    const { calls } = mockApi({
      'GET /api/indicators/dashboard': ok(fixtureDashboard()),
      'GET /api/regions': ok([]),
      'GET /api/indicators/key-groups/rosters': () => ok(summary),
      'POST /api/indicators/key-groups/skilled/roster': () => {
        summary[0]!.members = 3;
        summary[0]!.inRegistry = 2;
        return ok({ group: 'skilled', source: '市人力资源社会保障局', header: '身份证号', accepted: 3, duplicates: 1, added: 3, removed: 0, notInRegistry: 1, rejects: [{ row: 6, value: '211002***********5', reason: '身份证号校验位错误' }] });
      },
    });
    renderPage(<IndicatorsPage />, '/indicators?tab=rosters');
    await screen.findByTestId('rosters');
    // the source defaults to the user's department
    expect((screen.getByTestId('roster-source') as HTMLInputElement).value).toBe('市人力资源社会保障局');
    const text = '身份证号\n211002199001011234\n';
    const file = new File([text], '技能人才.csv', { type: 'text/csv' });
    const input = screen.getByTestId('roster-upload').querySelector('input[type=file]') ?? document.querySelector('input[type=file]')!;
    fireEvent.change(input, { target: { files: [file] } });
    const result = await screen.findByTestId('roster-result');
    expect(result.textContent).toContain('技能人才（市人力资源社会保障局）：有效 3 人，新增 3，移除 0，重复 1，未在收入与财产信息系统中 1');
    expect(within(screen.getByTestId('roster-rejects')).getByText('身份证号校验位错误')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/api/indicators/key-groups/skilled/roster');
    const body = post.body as { source: string; fileName: string; contentBase64: string; replace: boolean };
    expect([body.source, body.fileName, body.replace]).toEqual(['市人力资源社会保障局', '技能人才.csv', false]);
    expect(new TextDecoder().decode(Uint8Array.from(atob(body.contentBase64), (c) => c.charCodeAt(0)))).toBe(text);
    // the list is asked again and shows the new counts
    await waitFor(() => expect(within(screen.getByTestId('roster-summary')).getByText('3')).toBeTruthy());
  });

  it('is not offered to a county user or to a role that cannot enter indicators', async () => {
    mockApi({ 'GET /api/indicators/dashboard': ok(fixtureDashboard()), 'GET /api/regions': ok([]), 'GET /api/indicators/report/templates': ok({ canEdit: false, templates: [] }) });
    for (const who of [
      makeMe({ username: 'baita', roles: ['liaison'], permissions: ['indicators.read', 'indicators.enter'], region: { code: '211002', name: '白塔区', level: 'county' } }),
      makeMe(), // analyst: indicators.read only
    ]) {
      me = who;
      renderPage(<IndicatorsPage />, '/indicators?tab=rosters');
      await screen.findByTestId('headline'); // falls back to the dashboard
      expect(screen.queryByText('重点群体名单')).toBeNull();
      cleanup();
    }
  });
});
