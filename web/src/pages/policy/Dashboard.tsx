/**
 * 评估结果: what a reform does to whom. Budget effect in total and by programme, income change and
 * winners/losers by decile (each chart with its table), inequality and poverty before and after, the
 * seven key groups, counties, example households; Excel download of the whole.
 */
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Segmented, Space, Spin, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { DecileResult, ExampleHousehold, GroupResult, ProgrammeBudget, ReformResults, WinnersLosers } from './api';
import { policyApi } from './api';
import { bigMoney, pct, points, ratio, signed, WL_KEYS, yuan } from './format';
import { usePolicyI18n, type PolicyKey } from './messages';

const ImpactChart = lazy(() => import('./ImpactCharts'));

/** A chart with a switch to its table view. */
function ChartCard({ title, testid, chart, table, extra }: { title: string; testid: string; chart: ReactNode; table: ReactNode; extra?: ReactNode }) {
  const { t } = usePolicyI18n();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      size="small"
      title={title}
      data-testid={testid}
      extra={
        <Segmented<'chart' | 'table'>
          size="small"
          value={view}
          onChange={setView}
          options={[{ value: 'chart', label: t('results.chart') }, { value: 'table', label: t('results.table') }]}
          data-testid={`${testid}-view`}
        />
      }
    >
      {extra}
      {view === 'chart' ? <Suspense fallback={<Spin />}>{chart}</Suspense> : table}
    </Card>
  );
}

function Change({ b, a, fmt, better }: { b: number | null; a: number | null; fmt: (x: number | null) => string; better?: 'down' | 'up' }) {
  const d = a !== null && b !== null ? a - b : null;
  const good = d === null || Math.abs(d) < 1e-12 ? undefined : better === 'down' ? d < 0 : better === 'up' ? d > 0 : undefined;
  return (
    <span>
      {fmt(b)} → <b style={{ color: good === undefined ? undefined : good ? '#237804' : '#a8071a' }}>{fmt(a)}</b>
    </span>
  );
}

export function Dashboard({ results, runId, onEdit }: { results: ReformResults; runId: number; onEdit?: () => void }) {
  const { t, lang } = usePolicyI18n();
  const r = results;
  const dibaoLine = r.poverty.find((p) => p.key === 'dibao_standard') ?? r.poverty[0];
  const wlCols = WL_KEYS.slice().reverse().map((k) => ({ title: t(`wl.${k}` as PolicyKey), key: k, align: 'right' as const, render: (x: { winnersLosers: WinnersLosers }) => pct(x.winnersLosers[k], 1) }));
  const groupCols = (first: PolicyKey) => [
    { title: t(first), key: 'label', fixed: 'left' as const, render: (g: GroupResult) => g.label[lang] },
    { title: t('results.persons'), key: 'p', align: 'right' as const, render: (g: GroupResult) => yuan(g.persons) },
    { title: t('results.baselineMean'), key: 'b', align: 'right' as const, render: (g: GroupResult) => yuan(g.baseline) },
    { title: t('results.meanChange'), key: 'c', align: 'right' as const, render: (g: GroupResult) => signed(g.change, 1) },
    { title: t('results.relChange'), key: 'rc', align: 'right' as const, render: (g: GroupResult) => pct(g.relativeChange) },
    { title: t('results.budgetEffect'), key: 'be', align: 'right' as const, render: (g: GroupResult) => signed(g.budgetEffect, 1) },
    { title: t('results.giniPersons'), key: 'g', render: (g: GroupResult) => <Change b={g.gini.baseline} a={g.gini.reform} fmt={(x) => ratio(x, 3)} better="down" /> },
    { title: t('results.povertyRel'), key: 'pv', render: (g: GroupResult) => <Change b={g.poverty.baseline} a={g.poverty.reform} fmt={(x) => pct(x, 1)} better="down" /> },
    ...wlCols,
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="results-title">
            {r.reform ? r.reform.label[lang] : t('results.baseline')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('results.population', { year: r.year, source: r.population.source.description, persons: yuan(r.population.persons), households: yuan(r.population.households), weighted: yuan(r.population.weightedPersons) })}
          </Typography.Text>
          {r.reform?.description && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{r.reform.description}</Typography.Paragraph>}
        </div>
        <Space>
          {onEdit && <Button icon={<EditOutlined />} onClick={onEdit}>{t('results.edit')}</Button>}
          <Button type="primary" icon={<DownloadOutlined />} href={policyApi.exportUrl(runId)} data-testid="export-xlsx">{t('results.export')}</Button>
        </Space>
      </Space>
      {r.placeholders.length > 0 && (
        <Alert type="warning" showIcon title={t('results.placeholders', { n: new Set(r.placeholders.map((p) => p.name)).size, names: [...new Set(r.placeholders.map((p) => p.name))].join('、') })} />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          <Card size="small">
            <Tooltip title={t('results.netCost.hint')}>
              <div data-testid="net-cost" data-value={r.budget.netCost}>
                <Statistic title={t('results.netCost')} value={bigMoney(r.budget.netCost, lang)} styles={{ content: { color: r.budget.netCost > 0 ? '#a8071a' : r.budget.netCost < 0 ? '#237804' : undefined } }} />
              </div>
            </Tooltip>
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic title={t('results.income')} value={`${signed(r.income.change, 1)} 元`} suffix={<span style={{ fontSize: 14 }}>（{pct(r.income.relativeChange)}）</span>} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic title={t('results.gini')} value={ratio(r.inequality.gini.reform)} suffix={<span style={{ fontSize: 14 }}>← {ratio(r.inequality.gini.baseline)}</span>} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic title={t('results.poverty')} value={pct(dibaoLine?.reform.headcount ?? null)} suffix={<span style={{ fontSize: 14 }} data-testid="poverty-change">← {pct(dibaoLine?.baseline.headcount ?? null)}</span>} />
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('results.budget')}>
        <Table<ProgrammeBudget>
          size="small"
          rowKey="programme"
          pagination={false}
          dataSource={r.budget.programmes}
          data-testid="budget-table"
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={5}><b>{t('results.total')}</b></Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right"><b>{bigMoney(r.budget.netCost, lang)}</b></Table.Summary.Cell>
            </Table.Summary.Row>
          )}
          columns={[
            { title: t('results.programme'), key: 'p', render: (p: ProgrammeBudget) => p.label[lang] },
            { title: t('results.kind'), key: 'k', render: (p: ProgrammeBudget) => <Tag>{t(p.kind === 'revenue' ? 'results.kind.revenue' : 'results.kind.spending')}</Tag> },
            { title: t('results.before'), key: 'b', align: 'right', render: (p: ProgrammeBudget) => bigMoney(p.baseline, lang) },
            { title: t('results.after'), key: 'a', align: 'right', render: (p: ProgrammeBudget) => bigMoney(p.reform, lang) },
            { title: t('results.change'), key: 'c', align: 'right', render: (p: ProgrammeBudget) => bigMoney(p.change, lang) },
            { title: t('results.netCost'), key: 'n', align: 'right', render: (p: ProgrammeBudget) => bigMoney(p.netCost, lang) },
          ]}
        />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('results.deciles')}
            testid="deciles"
            extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(r.decileUnit === 'person' ? 'results.deciles.unit.person' : 'results.deciles.unit.household')}</Typography.Text>}
            chart={<ImpactChart results={r} kind="deciles" />}
            table={
              <Table<DecileResult>
                size="small"
                rowKey="decile"
                pagination={false}
                dataSource={r.deciles}
                data-testid="deciles-table"
                columns={[
                  { title: t('results.decile'), key: 'd', render: (d: DecileResult) => t('results.decileN', { n: d.decile }) },
                  { title: t('results.baselineMean'), key: 'b', align: 'right', render: (d: DecileResult) => yuan(d.baseline) },
                  { title: t('results.meanChange'), key: 'c', align: 'right', render: (d: DecileResult) => signed(d.change, 1) },
                  { title: t('results.relChange'), key: 'r', align: 'right', render: (d: DecileResult) => pct(d.relativeChange) },
                  { title: t('results.shareOfGains'), key: 's', align: 'right', render: (d: DecileResult) => pct(d.shareOfGains, 1) },
                ]}
              />
            }
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('results.winners')}
            testid="winners"
            chart={<ImpactChart results={r} kind="winners" />}
            table={
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                scroll={{ x: 640 }}
                data-testid="winners-table"
                dataSource={[{ key: 'all', label: t('results.all'), winnersLosers: r.winnersLosers }, ...r.deciles.map((d) => ({ key: String(d.decile), label: t('results.decileN', { n: d.decile }), winnersLosers: d.winnersLosers }))]}
                columns={[{ title: t('results.decile'), dataIndex: 'label' }, ...wlCols]}
              />
            }
          />
        </Col>
      </Row>

      <Card size="small" title={t('results.inequality')}>
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          data-testid="inequality-table"
          dataSource={[
            { key: 'gini', label: t('results.giniPersons'), b: r.inequality.gini.baseline, a: r.inequality.gini.reform, f: 'ratio' },
            { key: 'theil', label: t('results.theil'), b: r.inequality.theil.baseline, a: r.inequality.theil.reform, f: 'ratio' },
            ...r.poverty.flatMap((p) => [
              { key: `h-${p.key}`, label: t('results.headcount', { line: p.label[lang], amount: yuan(p.line) }), b: p.baseline.headcount, a: p.reform.headcount, f: 'pct' },
              { key: `g-${p.key}`, label: t('results.gap', { line: p.label[lang] }), b: p.baseline.gap, a: p.reform.gap, f: 'pct' },
            ]),
            { key: 'middle', label: `${t('results.middle')}（${yuan(r.middleIncome.band.lower)}–${yuan(r.middleIncome.band.upper)}）`, b: r.middleIncome.baseline, a: r.middleIncome.reform, f: 'pct' },
            { key: 'minwage', label: t('results.minimumWage'), b: r.minimumWage.baseline, a: r.minimumWage.reform, f: 'count' },
          ]}
          columns={[
            { title: t('results.measure'), dataIndex: 'label' },
            { title: t('results.before'), key: 'b', align: 'right', render: (x: { b: number | null; f: string }) => (x.f === 'pct' ? pct(x.b) : x.f === 'count' ? yuan(x.b) : ratio(x.b)) },
            { title: t('results.after'), key: 'a', align: 'right', render: (x: { a: number | null; f: string }) => (x.f === 'pct' ? pct(x.a) : x.f === 'count' ? yuan(x.a) : ratio(x.a)) },
            {
              title: t('results.change'),
              key: 'c',
              align: 'right',
              render: (x: { b: number | null; a: number | null; f: string }) => (x.f === 'pct' ? points(x.b, x.a, lang) : x.a === null || x.b === null ? '—' : x.f === 'count' ? signed(x.a - x.b) : `${x.a - x.b > 0 ? '+' : ''}${(x.a - x.b).toFixed(4)}`),
            },
          ]}
        />
      </Card>

      <Card size="small" title={t('results.keyGroups')}>
        <Table<GroupResult> size="small" rowKey="key" pagination={false} scroll={{ x: 1400 }} dataSource={r.keyGroups} columns={groupCols('results.group')} data-testid="groups-table" />
      </Card>
      <Card size="small" title={t('results.counties')}>
        <Table<GroupResult> size="small" rowKey="key" pagination={false} scroll={{ x: 1400 }} dataSource={[...r.counties, ...r.areas]} columns={groupCols('results.area')} data-testid="counties-table" />
      </Card>

      <Card size="small" title={t('results.examples')}>
        <Table<ExampleHousehold>
          size="small"
          rowKey="household"
          pagination={false}
          scroll={{ x: 1100 }}
          dataSource={r.examples}
          data-testid="examples-table"
          columns={[
            { title: 'ID', dataIndex: 'id', width: 90 },
            { title: t('results.why'), dataIndex: 'why' },
            { title: t('results.county'), dataIndex: 'county' },
            { title: '', key: 'u', render: (e: ExampleHousehold) => t(e.urban ? 'results.urban' : 'results.rural') },
            { title: t('results.members'), dataIndex: 'members', align: 'right' },
            { title: t('results.decile'), key: 'd', render: (e: ExampleHousehold) => t('results.decileN', { n: e.decile }) },
            { title: t('results.disposable'), key: 'disp', align: 'right', render: (e: ExampleHousehold) => <Change b={e.baseline.disposable} a={e.reform.disposable} fmt={(x) => yuan(x)} /> },
            { title: t('results.change'), key: 'c', align: 'right', render: (e: ExampleHousehold) => `${signed(e.change)}（${pct(e.relativeChange, 1)}）` },
            { title: t('results.iit'), key: 'iit', align: 'right', render: (e: ExampleHousehold) => <Change b={e.baseline.iit} a={e.reform.iit} fmt={(x) => yuan(x)} /> },
            { title: t('results.si'), key: 'si', align: 'right', render: (e: ExampleHousehold) => <Change b={e.baseline.socialInsurance} a={e.reform.socialInsurance} fmt={(x) => yuan(x)} /> },
            { title: t('results.dibao'), key: 'db', align: 'right', render: (e: ExampleHousehold) => <Change b={e.baseline.dibao} a={e.reform.dibao} fmt={(x) => yuan(x)} /> },
          ]}
        />
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('results.timing', { sim: r.timing.simulateMs, res: r.timing.resultsMs })}</Typography.Text>
    </Space>
  );
}
