/**
 * 监测看板: one request (GET /api/indicators/dashboard) fills the whole page. A skeleton of the headline
 * cards paints at once; the cards render from the data first, on their own; the panels below (and the
 * echarts chunk, fetched only then) follow in the next frame, so the figures are not held up by chart code.
 */
import { Alert, Card, Col, Row, Skeleton, Typography } from 'antd';
import { lazy, useEffect, useMemo, useState } from 'react';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import type { Dashboard as DashboardData } from './api';
import { ChartCard } from './ChartCard';
import {
  countyBarOption, countyMapOption, keyGroupOption, lorenzOption, quintileOption, ratioOption, seriesOption, taskOption,
} from './chartOptions';
import { definitionMap } from './format';
import { Headline } from './Headline';
import { useIndI18n } from './messages';
import ReportPanel from './report/ReportPanel';
import { countyTable, keyGroupTable, lorenzTable, quintileTable, ratioTable, seriesTable, taskTable } from './tables';
import { TargetsTable } from './TargetsTable';

const loadCharts = () => import('./charts');
const EChart = lazy(loadCharts);

/** Start fetching echarts now: it arrives while the dashboard request is in flight. */
export function preloadCharts(): void {
  void loadCharts().catch(() => undefined);
}

export function DashboardSkeleton() {
  return (
    <div data-testid="dashboard-skeleton">
      <Row gutter={[12, 12]}>
        {Array.from({ length: 8 }, (_, i) => (
          <Col key={i} xs={24} sm={12} md={8} xl={6}>
            <Card size="small">
              <Skeleton active title={false} paragraph={{ rows: 3 }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" style={{ marginTop: 12 }}>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    </div>
  );
}

export function DashboardView({ d }: { d: DashboardData }) {
  const { t, locale } = useIndI18n();
  const defs = useMemo(() => definitionMap(d.definitions), [d.definitions]);
  const nameOf = (code: string) => (defs.get(code) ? (locale === 'en-US' ? defs.get(code)!.name.en : defs.get(code)!.name.zh) : code);
  const defsOf = (...codes: string[]) => codes.map((c) => defs.get(c)).filter((x) => x !== undefined);
  const common = { region: d.region.code, year: d.year };
  // key groups are compared with all residents in the same source (registered income), as ratioToAll is
  const withRatio = d.keyGroups.find((g) => g.ratioToAll && g.income.value !== null);
  const registryAll = withRatio ? withRatio.income.value! / withRatio.ratioToAll! : null;
  const seriesSources = d.series.flatMap((s) => s.points.slice(-1).map((p) => p.source));
  const chart = (option: Record<string, unknown>, id: string) => <EChart option={option} locale={locale} testId={`chart-${id}`} />;
  // the headline paints first; the panels (tables, charts, echarts' chunk) after the browser has painted it
  const [panels, setPanels] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        preloadCharts();
        setPanels(true);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
    };
  }, []);

  return (
    <div data-testid="dashboard" data-region={d.region.code} data-year={d.year}>
      <Headline values={d.headline} defs={defs} />
      {!panels ? (
        <Card size="small" style={{ marginTop: 12 }}>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={16}>
          <ChartCard id="series" title={t('chart.series')} {...common} exportTable="series" chart={chart(seriesOption(d, t, nameOf), 'series')} table={seriesTable(d, defs, t)} sources={seriesSources} definitions={defsOf('income.pc.urban', 'income.pc.rural')} />
        </Col>
        <Col xs={24} xl={8}>
          <ChartCard id="ratio" title={t('chart.ratio')} {...common} exportTable="series" chart={chart(ratioOption(d, nameOf), 'ratio')} table={ratioTable(d, defs, t)} sources={seriesSources} definitions={defsOf(...d.series.map((s) => s.code).filter((c) => !c.startsWith('income.pc.')))} />
        </Col>
        {d.quintiles && (
          <Col xs={24} xl={12}>
            <ChartCard id="quintiles" title={t('chart.quintiles')} {...common} exportTable="quintiles" chart={chart(quintileOption(d, t), 'quintiles')} table={quintileTable(d, t)} sources={[{ kind: 'survey', label: d.quintiles.source, href: null }]} definitions={[]} note={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.quintiles.period}</Typography.Text>} />
          </Col>
        )}
        {d.lorenz && (
          <Col xs={24} xl={12}>
            <ChartCard id="lorenz" title={t('chart.lorenz')} {...common} exportTable="lorenz" chart={chart(lorenzOption(d, t), 'lorenz')} table={lorenzTable(d, t)} sources={[d.lorenz.gini.source]} definitions={defsOf(d.lorenz.gini.code)} />
          </Col>
        )}
        {d.counties.length > 0 && (
          <>
            <Col xs={24} xl={14}>
              <ChartCard id="counties" title={t('chart.counties')} {...common} exportTable="counties" chart={chart(countyBarOption(d.counties, t), 'counties')} table={countyTable(d, defs, t)} sources={d.counties.slice(0, 1).map((c) => c.all.source)} definitions={defsOf('income.pc.all', 'income.ratio.urban_rural')} />
            </Col>
            <Col xs={24} xl={10}>
              <ChartCard
                id="map"
                title={t('chart.map')}
                {...common}
                exportTable="counties"
                chart={chart(countyMapOption(d.counties, d.region.level === 'county' ? d.region.code : null), 'map')}
                table={countyTable(d, defs, t)}
                sources={d.counties.slice(0, 1).map((c) => c.all.source)}
                definitions={[]}
                note={<Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="map-schematic">{t('ind.schematic')}</Typography.Text>}
              />
            </Col>
          </>
        )}
        {d.keyGroups.length > 0 && (
          <Col xs={24} xl={12}>
            <ChartCard id="keyGroups" title={t('chart.keyGroups')} {...common} exportTable="keyGroups" chart={chart(keyGroupOption(d.keyGroups, registryAll, locale, t), 'keyGroups')} table={keyGroupTable(d, locale, t)} sources={d.keyGroups.slice(0, 1).map((g) => g.income.source)} definitions={defsOf(...d.keyGroups.map((g) => g.income.code))} />
          </Col>
        )}
        {d.tasks && (
          <Col xs={24} xl={12}>
            <ChartCard
              id="tasks"
              title={t('chart.tasks')}
              {...common}
              exportTable="tasks"
              chart={chart(taskOption([...d.tasks.byGroup, ...d.tasks.byAction], t), 'tasks')}
              table={taskTable(d, t)}
              sources={[{ kind: 'workplan', label: t('chart.tasks'), href: '/plan' }]}
              definitions={[]}
              note={<Typography.Text style={{ fontSize: 12 }} data-testid="tasks-total">{t('tasks.total', d.tasks.total)}</Typography.Text>}
              height={Math.max(240, 28 * (d.tasks.byGroup.length + d.tasks.byAction.length) + 60)}
            />
          </Col>
        )}
        <Col span={24}>
          <Card size="small" title={t('tab.targets')} data-testid="panel-targets">
            <TargetsTable targets={d.targets} defs={defs} />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('ind.report')}>
            <ReportPanel region={d.region.code} year={d.year} />
          </Card>
        </Col>
      </Row>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
        {t('ind.generatedAt', { at: d.generatedAt.slice(0, 16).replace('T', ' ') })}
      </Typography.Text>
    </div>
  );
}

export function Dashboard({ region, year, period, onLoaded }: { region?: string; year?: number; period?: string; onLoaded?: (d: DashboardData) => void }) {
  const { locale } = useIndI18n();
  const res = useApi<DashboardData>('/api/indicators/dashboard', { region, year, period });
  useEffect(() => {
    if (res.data) onLoaded?.(res.data);
  }, [res.data, onLoaded]);
  if (res.error) return <Alert type="error" showIcon title={errorText(locale, res.error)} />;
  if (!res.data) return <DashboardSkeleton />;
  return (
    <div style={{ opacity: res.loading ? 0.6 : 1, transition: 'opacity .2s' }}>
      <DashboardView d={res.data} />
    </div>
  );
}
