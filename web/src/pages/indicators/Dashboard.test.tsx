// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { makeMe, mockApi, ok } from '../../testing/mockApi';
import { fixtureDashboard } from './fixtures';
import { renderPage } from './testing';

let me: Me = makeMe();
vi.mock('../../session/SessionContext', () => ({ useMe: () => me }));

const { default: IndicatorsPage } = await import('./IndicatorsPage');

const COUNTIES = ['211002', '211003', '211004', '211005', '211011', '211021', '211081'].map((code, i) => ({
  code, name: ['白塔区', '文圣区', '宏伟区', '弓长岭区', '太子河区', '辽阳县', '灯塔市'][i], level: 'county', parentCode: '211000', urbanRuralCode: null, validFrom: '2000-01-01', validTo: null,
}));

function serve() {
  return mockApi({
    'GET /api/indicators/dashboard': (_b, url) => {
      const region = url.searchParams.get('region') ?? me.region.code;
      const c = COUNTIES.find((x) => x.code === region);
      return ok(c ? fixtureDashboard({ code: c.code, name: c.name, level: 'county' }) : fixtureDashboard());
    },
    'GET /api/regions': ok(COUNTIES),
    'GET /api/indicators/report/templates': ok({ canEdit: false, templates: [] }),
  });
}

beforeEach(() => {
  me = makeMe();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('indicators dashboard', () => {
  it('paints a skeleton at once, then the headline cards from one dashboard request', async () => {
    const { calls } = serve();
    renderPage(<IndicatorsPage />);
    expect(screen.getByTestId('dashboard-skeleton')).toBeTruthy();
    const urban = await screen.findByTestId('headline-income.pc.urban');
    // 16,200 × 1.062^15, rounded as the fixture does, grouped by thousands
    const expected = Math.round(16_200 * 1.062 ** 15);
    expect(within(urban).getByTestId('headline-value-income.pc.urban').textContent).toBe(expected.toLocaleString('en-US'));
    expect(urban.textContent).toContain('元');
    expect(urban.textContent).toContain('合成演示数据');
    expect(urban.textContent).toContain('6.2%');
    // 95% CI = value ± 1.96 × 610
    expect(within(urban).getByTestId('ci-income.pc.urban').textContent).toContain(`${Math.round(expected - 1.96 * 610).toLocaleString('en-US')}`);
    expect(within(urban).getByRole('link', { name: '住户收支调查 2025 年度估计' }).getAttribute('href')).toBe('/survey?tab=estimates&period=2025');
    // middle-income share is a fraction shown as a percentage; the cooperative count is not synthetic
    expect(screen.getByTestId('headline-value-middle.share').textContent).toBe('31.4%');
    expect(screen.getByTestId('headline-coop.land_share').textContent).not.toContain('合成演示数据');
    expect(calls.filter((c) => c.path === '/api/indicators/dashboard')).toHaveLength(1);
    expect(calls.findIndex((c) => c.path === '/api/indicators/dashboard')).toBe(0);
  });

  it('shows each chart as a table on request, with the doubling path and confidence intervals', async () => {
    serve();
    renderPage(<IndicatorsPage />);
    await screen.findByTestId('panel-series', {}, { timeout: 10_000 });
    fireEvent.click(within(screen.getByTestId('toggle-series')).getByText('表'));
    const table = await screen.findByTestId('table-series');
    const rows = within(table).getAllByRole('row');
    const y2020 = rows.find((r) => r.textContent?.startsWith('2020'))!;
    // doubling path in 2020 = 2 × the 2010 value
    expect(y2020.textContent).toContain('32,400');
    expect(y2020.textContent).toContain('14,600');
    expect(y2020.textContent).toMatch(/\[[\d,]+, [\d,]+\]/);
    expect(within(screen.getByTestId('sources-series')).getByRole('link').getAttribute('href')).toContain('/survey');
    expect(screen.getByTestId('sources-series').textContent).toContain('城镇常住户可支配收入总额');
  });

  it('colours targets by status and shows the growth still needed and the projection', async () => {
    serve();
    renderPage(<IndicatorsPage />);
    const coop = await screen.findByTestId('target-4', {}, { timeout: 10_000 });
    expect(within(coop).getByTestId('target-status-4').textContent).toBe('进度正常');
    expect(coop.textContent).toContain('5.4%');
    expect(coop.textContent).toContain('82');
    expect(screen.getByTestId('target-status-1').textContent).toBe('滞后');
    expect(screen.getByTestId('target-status-3').textContent).toBe('有风险');
    expect(screen.getByTestId('target-1').textContent).toContain('2010 的 2 倍 = 32,400');
  });

  it('labels the county map as a schematic and sums task statuses', async () => {
    serve();
    renderPage(<IndicatorsPage />);
    expect((await screen.findByTestId('map-schematic', {}, { timeout: 10_000 })).textContent).toContain('示意图');
    expect(screen.getByTestId('tasks-total').textContent).toBe('合计：红 3，黄 3，绿 10，办结 1');
    fireEvent.click(within(screen.getByTestId('toggle-counties')).getByText('表'));
    const rows = within(await screen.findByTestId('table-counties')).getAllByRole('row');
    expect(rows.map((r) => r.textContent).join('|')).toContain('白塔区211002');
    expect(rows).toHaveLength(8);
  });

  it('offers a city user the city and its counties, and asks for a county by its code', async () => {
    const { calls } = serve();
    renderPage(<IndicatorsPage />);
    await screen.findByTestId('headline');
    await waitFor(() => expect(calls.some((c) => c.path === '/api/regions')).toBe(true));
    const select = screen.getByTestId('region-select');
    fireEvent.mouseDown(select.querySelector('.ant-select-selector, .ant-select-content, input') ?? select);
    const option = await screen.findByTitle('白塔区');
    expect(screen.getByTitle('灯塔市')).toBeTruthy();
    fireEvent.click(option);
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/indicators/dashboard')).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('dashboard').getAttribute('data-region')).toBe('211002'));
  });

  it('asks for a quarter year to date (前三季度) of the year shown', async () => {
    const { fetchMock } = serve();
    renderPage(<IndicatorsPage />);
    await screen.findByTestId('headline');
    const year = fixtureDashboard().year;
    const select = screen.getByTestId('period-select');
    expect(select.textContent).toContain('全年');
    fireEvent.mouseDown(select.querySelector('.ant-select-selector, .ant-select-content, input') ?? select);
    expect(await screen.findByTitle('一季度')).toBeTruthy();
    expect(screen.getByTitle('上半年')).toBeTruthy();
    fireEvent.click(screen.getByTitle('前三季度'));
    await waitFor(() => {
      const urls = fetchMock.mock.calls.map((c) => new URL(String(c[0]), 'http://x')).filter((u) => u.pathname === '/api/indicators/dashboard');
      expect(urls.some((u) => u.searchParams.get('period') === `${year}-Q3` && u.searchParams.get('year') === String(year))).toBe(true);
    });
  });

  it('asks for a month (monthly indicators) of the year shown', async () => {
    const { fetchMock } = serve();
    renderPage(<IndicatorsPage />);
    await screen.findByTestId('headline');
    const year = fixtureDashboard().year;
    const select = screen.getByTestId('period-select');
    fireEvent.mouseDown(select.querySelector('.ant-select-selector, .ant-select-content, input') ?? select);
    fireEvent.click(await screen.findByTitle('1月（月度指标）'));
    await waitFor(() => {
      const urls = fetchMock.mock.calls.map((c) => new URL(String(c[0]), 'http://x')).filter((u) => u.pathname === '/api/indicators/dashboard');
      expect(urls.some((u) => u.searchParams.get('period') === `${year}-01`)).toBe(true);
    });
  });

  it('gives a county user only their county, without asking for the region list', async () => {
    me = makeMe({ username: 'baita', roles: ['liaison'], permissions: ['plan.read', 'plan.report', 'indicators.read', 'indicators.enter'], region: { code: '211002', name: '白塔区', level: 'county' } });
    const { calls } = serve();
    renderPage(<IndicatorsPage />);
    await screen.findByTestId('headline');
    expect(screen.getByTestId('dashboard').getAttribute('data-region')).toBe('211002');
    const select = screen.getByTestId('region-select');
    expect(select.textContent).toContain('白塔区');
    expect(select.className).toContain('disabled');
    expect(calls.some((c) => c.path === '/api/regions')).toBe(false);
    const dash = calls.find((c) => c.path === '/api/indicators/dashboard')!;
    expect(dash).toBeTruthy();
    // the county's headline is not the city's
    expect(screen.getByTestId('headline-value-income.pc.urban').textContent).not.toBe(Math.round(16_200 * 1.062 ** 15).toLocaleString('en-US'));
    // a liaison has the entry tab
    expect(screen.getByRole('tab', { name: '指标填报' })).toBeTruthy();
  });
});
